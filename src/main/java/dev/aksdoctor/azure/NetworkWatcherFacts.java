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
}
