package dev.aksdoctor.azure;

import java.util.List;

/** An Azure Firewall: its private IPs (next hop of UDRs) and public IP resource ids (egress). */
public record FirewallFacts(String id, String name, String provisioningState, List<String> privateIps,
        List<String> publicIpIds) {
    public FirewallFacts {
        privateIps = privateIps == null ? List.of() : List.copyOf(privateIps);
        publicIpIds = publicIpIds == null ? List.of() : List.copyOf(publicIpIds);
    }
}
