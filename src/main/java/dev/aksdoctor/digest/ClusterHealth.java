package dev.aksdoctor.digest;

import dev.aksdoctor.azure.AgentPoolFacts;
import dev.aksdoctor.azure.AuditEventFacts;
import java.util.List;
import java.util.Objects;

/**
 * What the digest knows about one watched cluster, fetched once per digest.
 *
 * @param clusterId lower-case ARM id
 * @param readError why the cluster could not be read (gone, no permission), else null
 * @param events Activity Log events since the last digest that touch the cluster or its network
 */
public record ClusterHealth(String clusterId, String displayName, String provisioningState, String powerState,
                            List<AgentPoolFacts> pools, List<String> failedInstances, List<AuditEventFacts> events,
                            String readError) {
    public ClusterHealth {
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(displayName, "displayName");
        pools = pools == null ? List.of() : List.copyOf(pools);
        failedInstances = failedInstances == null ? List.of() : List.copyOf(failedInstances);
        events = events == null ? List.of() : List.copyOf(events);
    }
}
