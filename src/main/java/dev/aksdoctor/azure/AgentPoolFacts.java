package dev.aksdoctor.azure;

import java.util.List;
import java.util.Objects;

/**
 * One node pool of a cluster. {@code vnetSubnetId} is null when AKS manages the VNet; {@code maxSurge} is
 * {@code upgradeSettings.maxSurge} ("1", "33%") or null; {@code provisioningError} is
 * {@code properties.status.provisioningError} or null.
 */
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
        int maxPods,
        String maxSurge,
        ArmErrorFacts provisioningError) {

    public AgentPoolFacts(String name, String mode, String osType, String vmSize, int count, String provisioningState,
            String powerState, String vnetSubnetId, List<String> availabilityZones, int maxPods) {
        this(name, mode, osType, vmSize, count, provisioningState, powerState, vnetSubnetId, availabilityZones, maxPods,
                null, null);
    }

    public AgentPoolFacts {
        Objects.requireNonNull(name, "name");
        availabilityZones = availabilityZones == null ? List.of() : List.copyOf(availabilityZones);
    }

    public boolean windows() {
        return "Windows".equalsIgnoreCase(osType);
    }
}
