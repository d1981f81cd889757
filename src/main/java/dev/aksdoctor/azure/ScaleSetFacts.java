package dev.aksdoctor.azure;

import java.util.List;
import java.util.Objects;

/**
 * A node pool's scale set: the NSG its NIC configuration attaches (BYO VNet clusters put the AKS NSG
 * there) and the subnets of its IP configurations.
 */
public record ScaleSetFacts(String id, String name, String poolName, String provisioningState, List<String> nicNsgIds,
        List<String> subnetIds) {
    public ScaleSetFacts {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        nicNsgIds = nicNsgIds == null ? List.of() : List.copyOf(nicNsgIds);
        subnetIds = subnetIds == null ? List.of() : List.copyOf(subnetIds);
    }
}
