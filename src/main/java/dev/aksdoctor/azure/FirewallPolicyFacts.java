package dev.aksdoctor.azure;

import dev.aksdoctor.network.FirewallRuleCollection;
import java.util.List;

/**
 * A Firewall Policy with the collections of its rule collection groups (from the one list call).
 *
 * @param tlsInspection a Premium policy with {@code transportSecurity.certificateAuthority}: rules with
 *                      {@code terminateTLS} decrypt what they match
 * @param ipGroupIds    IP groups its rules name
 */
public record FirewallPolicyFacts(String id, String name, String tier, String basePolicyId, boolean dnsProxy,
        boolean tlsInspection, List<FirewallRuleCollection> collections, List<String> ipGroupIds) {

    public FirewallPolicyFacts {
        collections = collections == null ? List.of() : List.copyOf(collections);
        ipGroupIds = ipGroupIds == null ? List.of() : List.copyOf(ipGroupIds);
    }
}
