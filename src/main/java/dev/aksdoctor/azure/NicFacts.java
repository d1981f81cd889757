package dev.aksdoctor.azure;

import java.util.List;

/** A network interface: its private IPs, whether it forwards traffic not addressed to it, and its VM. */
public record NicFacts(String id, String name, List<String> privateIps, boolean ipForwarding, String vmId,
        String provisioningState) {
    public NicFacts {
        privateIps = privateIps == null ? List.of() : List.copyOf(privateIps);
    }
}
