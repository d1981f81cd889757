package dev.aksdoctor.check;

import dev.aksdoctor.azure.ArmException;
import dev.aksdoctor.azure.NetworkWatcherFacts;
import dev.aksdoctor.network.NextHopType;
import dev.aksdoctor.network.NsgVerdict;
import dev.aksdoctor.network.RouteEntry;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Network Watcher's verdict beside ours, one line each. When they agree, one line says so; when they disagree, the
 * platform wins (it sees BGP, VPN and peering routes and Virtual Network Manager admin rules that our offline model
 * does not) and the line says what the offline model missed. Pure: the facts come from the caller.
 */
public final class PlatformVerdicts {

    /** One comparison. {@code agrees} is empty when the platform gave no verdict (not enabled, no permission…). */
    public record Comparison(Optional<Boolean> agrees, String line) {
        public Comparison {
            Objects.requireNonNull(agrees, "agrees");
            Objects.requireNonNull(line, "line");
        }

        public boolean disagrees() {
            return agrees.isPresent() && !agrees.get();
        }
    }

    private PlatformVerdicts() {
    }

    /** Our route ({@code null}: no user-defined or system route matched) against Network Watcher's next hop. */
    public static Comparison nextHop(RouteEntry offline, NetworkWatcherFacts.NextHop platform) {
        NextHopType ours = offline == null ? null : offline.nextHopType();
        Optional<NextHopType> theirs = NextHopType.tryFromAzure(platform.nextHopType());
        if (theirs.isEmpty()) {
            // An answer without a next hop type we know is no verdict: it must never overrule ours.
            return unreadable("next hop", "nextHopType " + platform.nextHopType());
        }
        boolean sameType = ours != null && theirs.isPresent() && theirs.get() == ours;
        boolean sameIp = offline == null || offline.nextHopIpAddress() == null || platform.nextHopIpAddress() == null
                || offline.nextHopIpAddress().equals(platform.nextHopIpAddress());
        String hop = platform.nextHopType() + (platform.nextHopIpAddress() == null ? "" : " " + platform.nextHopIpAddress());
        if (sameType && sameIp) {
            return new Comparison(Optional.of(true), "Network Watcher agrees: next hop " + hop
                    + (offline.name() == null ? "" : " (route " + offline.name() + ")"));
        }
        String source = "System Route".equalsIgnoreCase(platform.routeTableId()) || platform.routeTableId() == null
                ? "a route the route table does not show (learned through BGP, a VPN or ExpressRoute gateway, or peering)"
                : "route table " + platform.routeTableId();
        return new Comparison(Optional.of(false), "Network Watcher disagrees and wins: next hop " + hop + " from "
                + source + "; the offline model saw "
                + (offline == null ? "no matching route" : offline.nextHopType().azureName()
                        + (offline.nextHopIpAddress() == null ? "" : " " + offline.nextHopIpAddress())));
    }

    /**
     * Our NSG verdict for TCP 443 against IP flow verify. {@code rulesRead} are the names of the rules in the NSGs
     * we read: a deciding rule outside them is one the NSGs do not show (a security admin rule, a NIC-level merge).
     */
    public static Comparison ipFlow(NsgVerdict offline, NetworkWatcherFacts.IpFlow platform, Collection<String> rulesRead) {
        if (!"Allow".equalsIgnoreCase(platform.access()) && !"Deny".equalsIgnoreCase(platform.access())) {
            return unreadable("IP flow verify", "access " + platform.access());
        }
        String rule = platform.ruleName() == null ? "(unnamed rule)" : platform.ruleName();
        String shortRule = rule.substring(rule.lastIndexOf('/') + 1);
        boolean ruleKnown = rulesRead.stream().anyMatch(r -> r.equalsIgnoreCase(shortRule));
        if (offline.allowed() == platform.allowed()) {
            return new Comparison(Optional.of(true), "Network Watcher agrees: " + platform.access() + " by rule " + rule);
        }
        return new Comparison(Optional.of(false), "Network Watcher disagrees and wins: " + platform.access() + " by rule "
                + rule + (ruleKnown ? "" : ", which none of the NSGs read shows (a Virtual Network Manager security admin "
                        + "rule or a NIC-level rule)")
                + "; the offline model said " + (offline.allowed() ? "Allow" : "Deny")
                + (offline.decidingRule() == null ? "" : " by " + offline.decidingRule().name()));
    }

    /** Network Watcher answered, but not with a value this comparison knows: said as such, never a disagreement. */
    static Comparison unreadable(String what, String value) {
        return new Comparison(Optional.empty(), "No platform verdict for " + what + ": Network Watcher answered "
                + value + ", which AKS Doctor does not know");
    }

    /** Effective routes are served only while the VM runs. */
    public static Optional<Comparison> effectiveRoutesSkipped(String powerState) {
        if (powerState == null || powerState.toLowerCase(java.util.Locale.ROOT).endsWith("running")) {
            return Optional.empty();
        }
        return Optional.of(new Comparison(Optional.empty(), "Effective routes not read: the instance is "
                + powerState.substring(powerState.indexOf('/') + 1) + " (Azure computes them only while it runs)"));
    }

    /**
     * The NIC's effective route for {@code destinationIp} (the active one with the longest prefix; on a tie a user
     * route, then a gateway's, then a default one, as Azure picks) against ours. Empty when none covers it.
     */
    public static Optional<NetworkWatcherFacts.EffectiveRoute> effectiveRouteFor(
            List<NetworkWatcherFacts.EffectiveRoute> routes, String destinationIp) {
        NetworkWatcherFacts.EffectiveRoute best = null;
        int bestLength = -1;
        for (NetworkWatcherFacts.EffectiveRoute r : routes) {
            if (r.state() != null && !"Active".equalsIgnoreCase(r.state())) {
                continue;
            }
            for (String prefix : r.addressPrefixes()) {
                if (!dev.aksdoctor.network.AddressRanges.contains(prefix, destinationIp)) {
                    continue;
                }
                int length = prefix.contains("/") ? Integer.parseInt(prefix.substring(prefix.indexOf('/') + 1)) : 32;
                if (length > bestLength || length == bestLength && sourceRank(r) < sourceRank(best)) {
                    best = r;
                    bestLength = length;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static int sourceRank(NetworkWatcherFacts.EffectiveRoute r) {
        String source = r.source() == null ? "" : r.source();
        return "User".equalsIgnoreCase(source) ? 0 : "Default".equalsIgnoreCase(source) ? 2 : 1;
    }

    /** Our route against the NIC's effective route for the same destination. */
    public static Comparison effectiveRoute(RouteEntry offline, List<NetworkWatcherFacts.EffectiveRoute> routes,
            String destinationIp) {
        Optional<NetworkWatcherFacts.EffectiveRoute> found = effectiveRouteFor(routes, destinationIp);
        if (found.isEmpty()) {
            return new Comparison(Optional.empty(), "Effective routes: none of the NIC's " + routes.size()
                    + " active routes covers " + destinationIp);
        }
        NetworkWatcherFacts.EffectiveRoute r = found.get();
        Optional<NextHopType> theirs = NextHopType.tryFromAzure(r.nextHopType());
        if (theirs.isEmpty()) {
            return unreadable("effective routes", "nextHopType " + r.nextHopType());
        }
        boolean sameType = offline != null && theirs.isPresent() && theirs.get() == offline.nextHopType();
        boolean sameIp = offline == null || offline.nextHopIpAddress() == null || r.nextHopIpAddresses().isEmpty()
                || r.nextHopIpAddresses().contains(offline.nextHopIpAddress());
        String route = String.join(", ", r.addressPrefixes()) + " → " + r.nextHopType()
                + (r.nextHopIpAddresses().isEmpty() ? "" : " " + String.join(", ", r.nextHopIpAddresses()))
                + " (source " + r.source() + ")";
        if (sameType && sameIp) {
            return new Comparison(Optional.of(true), "Effective routes agree: " + route);
        }
        return new Comparison(Optional.of(false), "Effective routes disagree and win: " + route
                + ("User".equalsIgnoreCase(r.source()) ? "" : ", a route the route table does not show")
                + "; the offline model saw " + (offline == null ? "no matching route"
                        : offline.nextHopType().azureName()
                                + (offline.nextHopIpAddress() == null ? "" : " " + offline.nextHopIpAddress())));
    }

    /** The watcher of a region, or the sentence saying there is none. */
    public static Optional<NetworkWatcherFacts.Watcher> watcherIn(List<NetworkWatcherFacts.Watcher> watchers,
            String region) {
        return watchers.stream().filter(w -> w.location() != null
                && w.location().replace(" ", "").equalsIgnoreCase(region.replace(" ", ""))).findFirst();
    }

    public static Comparison notEnabled(String region) {
        return new Comparison(Optional.empty(), "No platform verdict: Network Watcher is not enabled in " + region
                + " for this subscription (az network watcher configure --locations " + region + " --enabled true)");
    }

    public static Comparison failed(String what, ArmException e) {
        if (e.kind() == ArmException.Kind.FORBIDDEN) {
            return new Comparison(Optional.empty(), "No platform verdict for " + what + ": the identity lacks "
                    + e.permission().orElse("(unnamed permission)") + e.scope().map(s -> " on " + s).orElse(""));
        }
        return new Comparison(Optional.empty(), "No platform verdict for " + what + ": " + e.getMessage());
    }

    public static Comparison timedOut(String what, java.time.Duration limit) {
        return new Comparison(Optional.empty(), "No platform verdict for " + what + ": Network Watcher did not answer within "
                + limit.toSeconds() + " s");
    }
}
