package dev.aksdoctor.azure;

import dev.aksdoctor.diagnosis.ClusterRef;
import java.util.List;
import java.util.Objects;

/** One cluster of the inventory used to locate a cluster from an FQDN or a node IP. */
public record ClusterSummary(ClusterRef ref, String location, String fqdn, String privateFqdn,
        String nodeResourceGroup, List<String> nodeSubnetIds) {
    public ClusterSummary {
        Objects.requireNonNull(ref, "ref");
        nodeSubnetIds = nodeSubnetIds == null ? List.of() : List.copyOf(nodeSubnetIds);
    }
}
