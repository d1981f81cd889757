package dev.aksdoctor.command;

import dev.aksdoctor.reply.ActionPayload;
import dev.aksdoctor.action.AuditLog;
import dev.aksdoctor.action.RangeChange;
import dev.aksdoctor.action.WriteAction;
import dev.aksdoctor.azure.ArmException;
import dev.aksdoctor.azure.ArmGateway;
import dev.aksdoctor.azure.ClusterFacts;
import dev.aksdoctor.diagnosis.ClusterRef;
import dev.aksdoctor.check.SuggestedAction;
import dev.aksdoctor.investigation.Investigation;
import dev.aksdoctor.investigation.InvestigationStore;
import dev.aksdoctor.reply.ActionReplies;
import dev.aksdoctor.slack.SlackCallFailed;
import dev.aksdoctor.slack.SlackGateway;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Runs a confirmed, authorised write action: audits it, announces it in the thread, calls ARM once,
 * records and announces the result. Blocking (ARM writes wait for the operation); runs in the background.
 */
@ApplicationScoped
public class PerformWriteAction {

    private static final Logger LOG = Logger.getLogger(PerformWriteAction.class);

    private final ArmGateway arm;
    private final AuditLog audit;
    private final SlackGateway slack;
    private final InvestigationStore investigations;
    private final StartInvestigation start;

    public PerformWriteAction(ArmGateway arm, AuditLog audit, SlackGateway slack, InvestigationStore investigations,
            StartInvestigation start) {
        this.arm = arm;
        this.audit = audit;
        this.slack = slack;
        this.investigations = investigations;
        this.start = start;
    }

    public void perform(PendingAction pending, String actor) {
        ClusterRef cluster = pending.payload().cluster().orElseThrow();
        WriteAction action = pending.action();
        String target = target(pending, cluster);
        long auditId = audit.started(entry(pending, actor, target));
        announce(pending, ActionReplies.started(actor, action.label(), cluster.displayName()));
        try {
            String detail = execute(pending, cluster, actor);
            audit.finished(auditId, true, detail);
            announce(pending, ActionReplies.succeeded(action.label(), cluster.displayName(), detail));
        } catch (ArmException e) {
            audit.finished(auditId, false, e.getMessage());
            announce(pending, ActionReplies.failed(action.label(), cluster.displayName(), e.getMessage()));
        } catch (RefusedAtRun e) {
            audit.finished(auditId, false, e.getMessage());
            announce(pending, ActionReplies.failed(action.label(), cluster.displayName(), e.getMessage()));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Write action %s on %s failed", action.actionId(), target);
            audit.finished(auditId, false, "unexpected error: " + e.getClass().getSimpleName());
            announce(pending, ActionReplies.failed(action.label(), cluster.displayName(),
                    "an unexpected error (logged for the operators)"));
        }
    }

    static AuditLog.Entry entry(PendingAction pending, String actor, String target) {
        Long inv = pending.payload().investigationId() > 0 ? pending.payload().investigationId() : null;
        return new AuditLog.Entry(actor, pending.action().actionId(), target,
                pending.payload().parameters().isEmpty() ? null : pending.payload().parameters().toString(), inv,
                pending.channel(), pending.threadTs());
    }

    /** The resource acted on: the instance for a reimage, the node pool for a pool reconcile, else the cluster. */
    static String target(PendingAction pending, ClusterRef cluster) {
        String id = pending.payload().clusterId();
        ActionPayload p = pending.payload();
        if (pending.action() == WriteAction.RECONCILE_NODE_POOL && p.parameter(SuggestedAction.POOL).isPresent()) {
            return id + "/agentPools/" + p.parameter(SuggestedAction.POOL).get();
        }
        if (pending.action() == WriteAction.REIMAGE_INSTANCE && p.parameter(SuggestedAction.SCALE_SET).isPresent()) {
            return id + " vmss " + p.parameter(SuggestedAction.SCALE_SET).get() + " instance "
                    + p.parameter(SuggestedAction.INSTANCE_ID).orElse("?");
        }
        return id;
    }

    private String execute(PendingAction pending, ClusterRef cluster, String actor) {
        ActionPayload p = pending.payload();
        switch (pending.action()) {
            case START_CLUSTER:
                arm.startCluster(cluster);
                return "The cluster is starting; nodes take a few minutes to be Ready.";
            case RECONCILE_CLUSTER:
                arm.reconcileCluster(cluster);
                return "The cluster was reconciled to its goal state.";
            case RECONCILE_NODE_POOL:
                String pool = p.parameter(SuggestedAction.POOL).orElseThrow(() -> new RefusedAtRun("no node pool named"));
                arm.reconcileAgentPool(cluster, pool);
                return "Node pool " + pool + " was reconciled.";
            case ADD_AUTHORIZED_RANGE:
                return addRange(pending, cluster);
            case ROTATE_CERTIFICATES:
                arm.rotateCertificates(cluster);
                return "Certificates were rotated. Fetch kubeconfig again: az aks get-credentials -g "
                        + cluster.resourceGroup() + " -n " + cluster.name();
            case REIMAGE_INSTANCE:
                String scaleSet = p.parameter(SuggestedAction.SCALE_SET).orElseThrow(() -> new RefusedAtRun("no scale set named"));
                String instance = p.parameter(SuggestedAction.INSTANCE_ID).orElseThrow(() -> new RefusedAtRun("no instance named"));
                ClusterFacts facts = arm.cluster(cluster);
                if (facts.nodeResourceGroup() == null) {
                    throw new RefusedAtRun("ARM does not report the cluster's node resource group");
                }
                // Only the cluster's own node resource group: a value naming another group is never reimaged.
                arm.reimageInstance(cluster.subscriptionId(), facts.nodeResourceGroup(), scaleSet, instance);
                return "Instance " + instance + " of " + scaleSet + " was reimaged.";
            case RUN_NODE_PROBE:
                return runProbe(pending, cluster, actor);
            default:
                throw new RefusedAtRun("unknown action");
        }
    }

    private String addRange(PendingAction pending, ClusterRef cluster) {
        String cidr = pending.payload().parameter(SuggestedAction.CIDR).orElseThrow(() -> new RefusedAtRun("no range named"));
        ClusterFacts facts = arm.cluster(cluster);
        RangeChange change = RangeChange.of(facts.authorizedIpRanges(), cidr);
        if (change.problem().isPresent()) {
            throw new RefusedAtRun(change.problem().get());
        }
        if (pending.shownDigest() == null || !pending.shownDigest().equals(RangeChange.digest(change.current()))) {
            throw new RefusedAtRun("the authorized ranges changed since the dialog showed them; press the button "
                    + "again to see the current list");
        }
        arm.updateAuthorizedRanges(cluster, change.proposed());
        return "Authorized ranges are now: " + String.join(", ", change.proposed());
    }

    private String runProbe(PendingAction pending, ClusterRef cluster, String actor) {
        Optional<Investigation> inv = pending.payload().investigationId() > 0
                ? investigations.find(pending.payload().investigationId()) : Optional.empty();
        if (inv.isEmpty()) {
            throw new RefusedAtRun("the investigation this button belongs to is gone");
        }
        // The resource id makes the new run locate this exact cluster, whatever the paste named.
        String text = inv.get().textRedacted + "\n" + cluster.resourceId().orElseThrow();
        if (start.inThread(inv.get().source, actor, pending.channel(), pending.threadTs(), text, null, true).isEmpty()) {
            throw new RefusedAtRun("the investigation backlog is full; try again in a minute");
        }
        return "The node connectivity test is queued; its findings follow in this thread.";
    }

    private void announce(PendingAction pending, String text) {
        try {
            slack.postMessage(pending.channel(), pending.threadTs(), text, ActionReplies.announcement(text));
        } catch (SlackCallFailed e) {
            LOG.warnf("Could not announce a write action in %s: %s (the audit log has it)", pending.channel(), e.error());
        }
    }

    /** The action cannot go ahead as confirmed (its inputs are missing or changed). */
    static final class RefusedAtRun extends RuntimeException {
        RefusedAtRun(String message) {
            super(message);
        }
    }
}
