package dev.aksdoctor.digest;

import dev.aksdoctor.azure.ActivityEventFacts;
import dev.aksdoctor.azure.AgentPoolFacts;
import dev.aksdoctor.azure.AuditEventFacts;
import dev.aksdoctor.reply.DigestFinding;
import dev.aksdoctor.reply.Mrkdwn;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns a cluster's facts into findings: state, pools, instances, failed operations, risky changes. */
public final class HealthFindings {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);

    private HealthFindings() {
    }

    public static List<DigestFinding> of(ClusterHealth c, ZoneId zone) {
        List<DigestFinding> out = new ArrayList<>();
        String id = c.clusterId();
        if (c.readError() != null) {
            out.add(new DigestFinding(id, "unreadable", "", "could not be read: " + Mrkdwn.escape(c.readError()), true));
            return out;
        }
        if (!"Succeeded".equalsIgnoreCase(c.provisioningState()) && c.provisioningState() != null
                && !inProgress(c.provisioningState())) {
            out.add(new DigestFinding(id, "cluster-state", c.provisioningState(),
                    "cluster provisioning state *" + Mrkdwn.escape(c.provisioningState()) + "*", true));
        }
        if ("Stopped".equalsIgnoreCase(c.powerState())) {
            out.add(new DigestFinding(id, "cluster-stopped", "", "cluster is *Stopped*", false));
        }
        for (AgentPoolFacts p : c.pools()) {
            if (p.provisioningState() != null && !"Succeeded".equalsIgnoreCase(p.provisioningState())
                    && !inProgress(p.provisioningState())) {
                out.add(new DigestFinding(id, "pool-state", p.name() + "/" + p.provisioningState(),
                        "node pool " + Mrkdwn.code(p.name()) + " is *" + Mrkdwn.escape(p.provisioningState()) + "*", true));
            }
            if ("Stopped".equalsIgnoreCase(p.powerState()) && !"Stopped".equalsIgnoreCase(c.powerState())) {
                out.add(new DigestFinding(id, "pool-stopped", p.name(), "node pool " + Mrkdwn.code(p.name()) + " is Stopped", false));
            }
        }
        for (String instance : c.failedInstances()) {
            out.add(new DigestFinding(id, "instance-failed", instance, "VMSS instance " + Mrkdwn.code(instance) + " failed", false));
        }
        for (AuditEventFacts a : c.events()) {
            ActivityEventFacts e = a.event();
            if ("Failed".equalsIgnoreCase(e.status())) {
                out.add(new DigestFinding(id, "operation-failed", e.correlationId() == null ? e.operationName() + e.timestamp()
                        : e.correlationId(), "failed " + Mrkdwn.code(shortOp(e.operationName()))
                        + (e.errorCode() == null ? "" : " (" + Mrkdwn.escape(e.errorCode()) + ")")
                        + when(a, zone), false));
            }
        }
        return out;
    }

    /** Changes to common causes, for the cluster's section (not findings: a change is not a problem by itself). */
    public static List<String> changes(ClusterHealth c, ZoneId zone) {
        List<String> out = new ArrayList<>();
        for (AuditEventFacts a : c.events()) {
            ActivityEventFacts e = a.event();
            if (!"Succeeded".equalsIgnoreCase(e.status())) {
                continue;
            }
            ChangeKind.of(e.operationName()).ifPresent(k -> out.add(k.label() + " "
                    + (e.operationName().toLowerCase(Locale.ROOT).endsWith("/delete") ? "deleted" : "changed") + ": "
                    + Mrkdwn.code(lastSegments(e.resourceId())) + when(a, zone)));
        }
        return out;
    }

    private static String when(AuditEventFacts a, ZoneId zone) {
        String by = a.caller() == null || a.caller().isBlank() ? "" : " by " + Mrkdwn.escape(a.caller());
        String at = a.event().timestamp() == null ? "" : " at " + a.event().timestamp().atZoneSameInstant(zone).format(WHEN);
        return by + at;
    }

    private static boolean inProgress(String state) {
        String s = state.toLowerCase(Locale.ROOT);
        return s.endsWith("ing");
    }

    static String shortOp(String op) {
        if (op == null) {
            return "operation";
        }
        int slash = op.indexOf('/');
        return slash < 0 ? op : op.substring(slash + 1);
    }

    static String lastSegments(String resourceId) {
        if (resourceId == null) {
            return "?";
        }
        String[] parts = resourceId.split("/");
        int n = parts.length;
        return n >= 4 && (parts[n - 2].equalsIgnoreCase("securityRules") || parts[n - 2].equalsIgnoreCase("routes")
                || parts[n - 2].equalsIgnoreCase("virtualNetworkLinks"))
                ? parts[n - 3] + "/" + parts[n - 1] : parts[n - 1];
    }
}
