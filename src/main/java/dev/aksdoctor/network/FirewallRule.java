package dev.aksdoctor.network;

import java.util.List;
import java.util.Objects;

/**
 * One Azure Firewall rule, classic ({@code applicationRuleCollections[].rules[]},
 * {@code networkRuleCollections[].rules[]}) or policy ({@code ApplicationRule}, {@code NetworkRule},
 * {@code NatRule}). Only the fields of its kind are filled.
 *
 * @param applicationProtocols application rules: {@code protocolType:port}, e.g. {@code Https:443}
 * @param ipProtocols          network and NAT rules: {@code TCP}, {@code UDP}, {@code ICMP}, {@code Any}
 * @param sourceIpGroups       resource ids of IP groups
 * @param terminateTls         Premium: the rule decrypts the traffic it matches (TLS inspection)
 */
public record FirewallRule(
        String name,
        FirewallRuleKind kind,
        List<String> sourceAddresses,
        List<String> sourceIpGroups,
        List<String> applicationProtocols,
        List<String> targetFqdns,
        List<String> fqdnTags,
        List<String> targetUrls,
        List<String> webCategories,
        List<String> ipProtocols,
        List<String> destinationAddresses,
        List<String> destinationIpGroups,
        List<String> destinationFqdns,
        List<String> destinationPorts,
        boolean terminateTls) {

    public FirewallRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        sourceAddresses = copy(sourceAddresses);
        sourceIpGroups = copy(sourceIpGroups);
        applicationProtocols = copy(applicationProtocols);
        targetFqdns = copy(targetFqdns);
        fqdnTags = copy(fqdnTags);
        targetUrls = copy(targetUrls);
        webCategories = copy(webCategories);
        ipProtocols = copy(ipProtocols);
        destinationAddresses = copy(destinationAddresses);
        destinationIpGroups = copy(destinationIpGroups);
        destinationFqdns = copy(destinationFqdns);
        destinationPorts = copy(destinationPorts);
    }

    public static FirewallRule application(String name, List<String> sourceAddresses, List<String> sourceIpGroups,
            List<String> protocols, List<String> targetFqdns, List<String> fqdnTags, boolean terminateTls) {
        return new FirewallRule(name, FirewallRuleKind.APPLICATION, sourceAddresses, sourceIpGroups, protocols,
                targetFqdns, fqdnTags, null, null, null, null, null, null, null, terminateTls);
    }

    public static FirewallRule network(String name, List<String> sourceAddresses, List<String> sourceIpGroups,
            List<String> ipProtocols, List<String> destinationAddresses, List<String> destinationIpGroups,
            List<String> destinationFqdns, List<String> destinationPorts) {
        return new FirewallRule(name, FirewallRuleKind.NETWORK, sourceAddresses, sourceIpGroups, null, null, null,
                null, null, ipProtocols, destinationAddresses, destinationIpGroups, destinationFqdns, destinationPorts,
                false);
    }

    private static List<String> copy(List<String> values) {
        return values == null ? List.of()
                : values.stream().filter(Objects::nonNull).map(String::trim).filter(v -> !v.isEmpty()).toList();
    }
}
