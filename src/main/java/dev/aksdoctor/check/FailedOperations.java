package dev.aksdoctor.check;

import dev.aksdoctor.azure.ActivityEventFacts;
import dev.aksdoctor.azure.ClusterFacts;
import dev.aksdoctor.diagnosis.ClusterRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/** The Activity Log read as failures: what went wrong on the cluster's resources lately, policy denials included. */
final class FailedOperations {

    private FailedOperations() {
    }

    /** Failed operations on the cluster's and the node resource group's resources, newest first. */
    static List<ActivityEventFacts> of(InvestigationFacts facts) {
        ClusterRef ref = facts.ref();
        ClusterFacts c = facts.cluster();
        List<ActivityEventFacts> events = new ArrayList<>(facts.activityLog(ref.resourceGroup()));
        if (c.nodeResourceGroup() != null && !c.nodeResourceGroup().equalsIgnoreCase(ref.resourceGroup())) {
            events.addAll(facts.activityLog(c.nodeResourceGroup()));
        }
        String nodeRg = "/resourcegroups/" + Objects.toString(c.nodeResourceGroup(), "").toLowerCase(Locale.ROOT) + "/";
        java.util.Set<String> seen = new java.util.HashSet<>();
        return events.stream()
                .filter(e -> "Failed".equalsIgnoreCase(e.status()) || policyDenial(e))
                .filter(e -> seen.add(e.resourceId() + "|" + e.timestamp() + "|" + e.operationName() + "|"
                        + e.correlationId()))
                .filter(e -> e.resourceId() != null && (e.resourceId().toLowerCase(Locale.ROOT)
                        .startsWith(c.id().toLowerCase(Locale.ROOT))
                        || e.resourceId().toLowerCase(Locale.ROOT).contains(nodeRg)))
                .sorted(Comparator.comparing(ActivityEventFacts::timestamp,
                        Comparator.nullsLast(Comparator.reverseOrder())))
                .collect(Collectors.toList());
    }

    /** A Policy-category deny event (its status is not always "Failed", and it has no statusMessage). */
    static boolean policyDenial(ActivityEventFacts e) {
        String op = Objects.toString(e.operationName(), "").toLowerCase(Locale.ROOT);
        return op.contains("/policies/deny/") || "Policy".equalsIgnoreCase(e.category()) && op.contains("/deny/");
    }
}
