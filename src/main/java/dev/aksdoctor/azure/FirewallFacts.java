package dev.aksdoctor.azure;

import dev.aksdoctor.network.FirewallRuleCollection;
import java.util.List;

/**
 * An Azure Firewall: its private IPs (next hop of UDRs), public IP resource ids and, for a Virtual WAN hub
 * firewall, its public addresses (egress); its classic rule collections or the id of its Firewall Policy.
 *
 * @param ipGroupIds    IP groups its classic rules name (read separately for their addresses)
 * @param dnsProxy      classic firewalls: {@code additionalProperties["Network.DNS.EnableProxy"]}
 */
public record FirewallFacts(String id, String name, String provisioningState, List<String> privateIps,
        List<String> publicIpIds, List<String> hubPublicIps, String skuTier, String policyId,
        List<FirewallRuleCollection> classicCollections, List<String> ipGroupIds, boolean dnsProxy) {

    public FirewallFacts {
        privateIps = privateIps == null ? List.of() : List.copyOf(privateIps);
        publicIpIds = publicIpIds == null ? List.of() : List.copyOf(publicIpIds);
        hubPublicIps = hubPublicIps == null ? List.of() : List.copyOf(hubPublicIps);
        classicCollections = classicCollections == null ? List.of() : List.copyOf(classicCollections);
        ipGroupIds = ipGroupIds == null ? List.of() : List.copyOf(ipGroupIds);
    }

    public FirewallFacts(String id, String name, String provisioningState, List<String> privateIps,
            List<String> publicIpIds) {
        this(id, name, provisioningState, privateIps, publicIpIds, List.of(), null, null, List.of(), List.of(), false);
    }

    /** The subscription the firewall lives in (it may not be the cluster's). */
    public String subscriptionId() {
        String[] parts = id == null ? new String[0] : id.split("/");
        return parts.length > 2 ? parts[2] : null;
    }
}
