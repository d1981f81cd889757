package dev.aksdoctor.check;

import dev.aksdoctor.azure.ActivityEventFacts;
import dev.aksdoctor.azure.ClusterFacts;
import dev.aksdoctor.diagnosis.CheckId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every failed operation on the cluster and its node resource group in the window, grouped by its innermost
 * error code (the {@code error.details[].code} under the {@code ResourceOperationFailure} wrapper), newest first;
 * Policy-category deny events count as {@code RequestDisallowedByPolicy}. The codes it reads decide which check
 * proves the failure ({@link dev.aksdoctor.diagnosis.CausalChains}).
 */
@ApplicationScoped
public class ActivityLogFailuresCheck implements Check {

    static final String POLICY_DENY = "RequestDisallowedByPolicy";
    private static final int MAX_GROUPS = 5;

    @Override
    public CheckId id() {
        return CheckId.ACTIVITY_LOG_FAILURES;
    }

    /** One failed operation with the error that explains it. */
    record Failure(ActivityEventFacts event, InnerErrors.ArmError error) {
    }

    @Override
    public Finding run(CheckContext context) {
        List<ActivityEventFacts> failed = context.facts().failedOperations();
        if (failed.isEmpty()) {
            return Findings.pass(id(), "No failed operations in the Activity Log", List.of(), Docs.ACTIVITY_LOG);
        }
        Map<String, List<Failure>> byCode = group(failed);
        List<Evidence> evidence = new ArrayList<>();
        int shown = 0;
        for (Map.Entry<String, List<Failure>> g : byCode.entrySet()) {
            if (shown++ == MAX_GROUPS) {
                break;
            }
            Failure latest = g.getValue().get(0);
            ActivityEventFacts e = latest.event();
            String message = latest.error().message();
            evidence.add(Evidence.of(g.getKey() + (g.getValue().size() > 1 ? " ×" + g.getValue().size() : "")
                    + " — latest " + e.timestamp() + " " + shortOperation(e.operationName())
                    + (message == null ? "" : ": " + shorten(message)), e.resourceId()));
        }
        Failure newest = byCode.values().iterator().next().get(0);
        String code = newest.error().code();
        String numbers = "QuotaExceeded".equalsIgnoreCase(code) ? InnerErrors.quotaNumbers(newest.error().message()) : null;
        String title = shortOperation(newest.event().operationName()) + " failed with " + code
                + (numbers == null ? "" : " (" + numbers + ")")
                + (failed.size() > 1 ? " — " + failed.size() + " failed operations, " + byCode.size() + " error code"
                        + (byCode.size() > 1 ? "s" : "") : "");
        List<String> codes = new ArrayList<>(byCode.keySet());
        String pool = poolOf(newest.event().resourceId());
        SuggestedAction reconcile = pool == null ? Findings.action(NextAction.RECONCILE_CLUSTER)
                : SuggestedAction.reconcilePool(pool);
        String remedy = "Fix what " + code + " says, then reconcile the "
                + (pool == null ? "cluster" : "node pool " + pool) + " to retry.";
        Finding f = failedResource(context)
                ? Findings.fail(id(), title, evidence, remedy, Docs.FAILED_STATE, reconcile)
                : Findings.warn(id(), title, evidence, "The cluster and its node pools are not in a Failed state now; "
                        + "if the operation is still needed, " + Character.toLowerCase(remedy.charAt(0))
                        + remedy.substring(1), Docs.FAILED_STATE, reconcile);
        return f.withCodes(codes);
    }

    /** {@link #group} of the investigation's failed operations, or none when the Activity Log cannot be read. */
    static Map<String, List<Failure>> failures(CheckContext context) {
        try {
            return group(context.facts().failedOperations());
        } catch (dev.aksdoctor.azure.ArmException e) {
            return Map.of();
        }
    }

    /** Failures by innermost code, groups in order of their newest failure (the events come newest first). */
    static Map<String, List<Failure>> group(List<ActivityEventFacts> failed) {
        Map<String, List<Failure>> byCode = new LinkedHashMap<>();
        for (ActivityEventFacts e : failed) {
            for (InnerErrors.ArmError err : errors(e)) {
                byCode.computeIfAbsent(err.code(), k -> new ArrayList<>()).add(new Failure(e, err));
            }
        }
        return byCode;
    }

    static List<InnerErrors.ArmError> errors(ActivityEventFacts e) {
        if (FailedOperations.policyDenial(e)) {
            return List.of(new InnerErrors.ArmError(POLICY_DENY, e.errorMessage() != null ? e.errorMessage()
                    : PolicyDenialCheck.assignmentNames(e.policies()).stream().findFirst()
                            .map(n -> "denied by policy assignment " + n).orElse("denied by Azure Policy")));
        }
        List<InnerErrors.ArmError> inner = InnerErrors.innermost(e.details());
        if (!inner.isEmpty()) {
            return inner;
        }
        String code = e.errorCode() != null ? e.errorCode()
                : e.subStatus() != null && !e.subStatus().isBlank() ? e.subStatus() : "Failed";
        return List.of(new InnerErrors.ArmError(code, e.errorMessage()));
    }

    private static boolean failedResource(CheckContext context) {
        ClusterFacts c = context.facts().cluster();
        return "Failed".equalsIgnoreCase(c.provisioningState())
                || c.agentPools().stream().anyMatch(p -> "Failed".equalsIgnoreCase(p.provisioningState()));
    }

    /** The node pool an event's resource id names ({@code …/managedClusters/aks1/agentPools/np1}), or null. */
    static String poolOf(String resourceId) {
        if (resourceId == null) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/agentPools/([^/]+)",
                java.util.regex.Pattern.CASE_INSENSITIVE).matcher(resourceId);
        return m.find() ? m.group(1) : null;
    }

    /** {@code Microsoft.ContainerService/managedClusters/agentPools/write} → {@code agentPools/write}. */
    static String shortOperation(String operation) {
        if (operation == null) {
            return "An operation";
        }
        String[] parts = operation.split("/");
        return parts.length >= 2 ? parts[parts.length - 2] + "/" + parts[parts.length - 1] : operation;
    }

    private static String shorten(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
