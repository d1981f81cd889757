package dev.aksdoctor.azure;

import java.util.List;
import java.util.Objects;

/** One node pool of a cluster. {@code vnetSubnetId} is null when AKS manages the VNet. */
public record AgentPoolFacts(
        String name,
        String mode,
        String osType,
        String vmSize,
        int count,
        String provisioningState,
        String powerState,
        String vnetSubnetId,
        List<String> availabilityZones,
        int maxPods) {

    public AgentPoolFacts {
        Objects.requireNonNull(name, "name");
        availabilityZones = availabilityZones == null ? List.of() : List.copyOf(availabilityZones);
    }

    public boolean windows() {
        return "Windows".equalsIgnoreCase(osType);
    }
}
