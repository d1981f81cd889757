package dev.aksdoctor.network;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything an Azure Firewall decides traffic with: its classic collections or its policy's (with the parent
 * policy's), the IP groups those rules name, and the policy settings that change matching.
 *
 * @param ipGroups       IP group resource id (lower-case) to its addresses; a group missing here is unknown
 * @param dnsProxy       the policy's DNS proxy is on (network rules with FQDNs need it)
 * @param tlsInspection  a Premium policy with {@code transportSecurity} (an intermediate CA): rules with
 *                       {@code terminateTLS} decrypt what they match
 */
public record FirewallRuleSet(
        String firewallId,
        String firewallName,
        List<FirewallRuleCollection> collections,
        Map<String, List<String>> ipGroups,
        boolean dnsProxy,
        boolean tlsInspection) {

    public FirewallRuleSet {
        Objects.requireNonNull(firewallName, "firewallName");
        collections = collections == null ? List.of() : collections.stream().filter(Objects::nonNull).toList();
        ipGroups = ipGroups == null ? Map.of() : Map.copyOf(ipGroups);
    }
}
