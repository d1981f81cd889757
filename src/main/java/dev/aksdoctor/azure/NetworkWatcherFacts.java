package dev.aksdoctor.azure;

import java.util.List;
import java.util.Objects;

/**
 * Network Watcher's own verdicts on one flow (seed 001 steps 2–3), each as the platform computes it, with what
 * our offline model cannot see: BGP, VPN and peering routes, Virtual Network Manager admin rules.
 */
public final class NetworkWatcherFacts {

    private NetworkWatcherFacts() {
    }

    /** A Network Watcher, one per region and subscription when enabled. */
    public record Watcher(String id, String location) {
        public Watcher {
            Objects.requireNonNull(id, "id");
        }
    }

    /** {@code nextHop}: e.g. {@code VirtualAppliance 10.0.0.4} from route table X, or {@code None}. */
    public record NextHop(String nextHopType, String nextHopIpAddress, String routeTableId) {
    }

    /** {@code ipFlowVerify}: {@code Allow} or {@code Deny} and the rule that decided it. */
    public record IpFlow(String access, String ruleName) {
        public boolean allowed() {
            return "Allow".equalsIgnoreCase(access);
        }
    }

    /** One effective route of a NIC; {@code source} is {@code User}, {@code Default}, {@code VirtualNetworkGateway}… */
    public record EffectiveRoute(String name, String source, String state, List<String> addressPrefixes,
            String nextHopType, List<String> nextHopIpAddresses) {
        public EffectiveRoute {
            addressPrefixes = addressPrefixes == null ? List.of() : List.copyOf(addressPrefixes);
            nextHopIpAddresses = nextHopIpAddresses == null ? List.of() : List.copyOf(nextHopIpAddresses);
        }
    }

    /**
     * One NSG as it applies to a NIC ({@code effectiveNetworkSecurityGroups}): its id, what it is associated with
     * (the subnet's or the NIC's id; {@code null} when not that one), and its rules as Azure applies them, default
     * rules included ({@code defaultSecurityRules/…}).
     */
    public record EffectiveSecurityGroup(String nsgId, String subnetId, String nicId,
            List<EffectiveSecurityRule> rules) {
        public EffectiveSecurityGroup {
            rules = rules == null ? List.of() : List.copyOf(rules);
        }
    }

    /**
     * One effective security rule, as Azure serves it: {@code name} is {@code securityRules/X} or
     * {@code defaultSecurityRules/X}, {@code protocol} {@code Tcp}, {@code Udp} or {@code All}, port ranges spelt
     * {@code 0-65535} for any; the {@code expanded…} lists hold the addresses a service tag stood for.
     */
    public record EffectiveSecurityRule(String name, String access, Integer priority, String direction,
            String protocol, List<String> sourcePrefixes, List<String> expandedSourcePrefixes,
            List<String> sourcePortRanges, List<String> destinationPrefixes, List<String> expandedDestinationPrefixes,
            List<String> destinationPortRanges) {
        public EffectiveSecurityRule {
            sourcePrefixes = copy(sourcePrefixes);
            expandedSourcePrefixes = copy(expandedSourcePrefixes);
            sourcePortRanges = copy(sourcePortRanges);
            destinationPrefixes = copy(destinationPrefixes);
            expandedDestinationPrefixes = copy(expandedDestinationPrefixes);
            destinationPortRanges = copy(destinationPortRanges);
        }
    }

    private static List<String> copy(List<String> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
    }
}
