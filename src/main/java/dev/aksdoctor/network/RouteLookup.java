package dev.aksdoctor.network;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Azure's route selection for traffic leaving a subnet: the system routes plus the subnet's user-defined
 * routes; the longest matching prefix wins, and on an equal prefix a user route beats a system route.
 * BGP and peering routes are not modelled: pass peered address spaces with the VNet's to treat them as local.
 */
public final class RouteLookup {

    private static final List<String> NONE_SYSTEM_PREFIXES = List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",
            "100.64.0.0/10");

    private RouteLookup() {
    }

    public static RouteDecision effectiveRoute(List<RouteEntry> userRoutes, List<String> vnetAddressPrefixes,
            String destinationIp) {
        Optional<IPAddress> destination = AddressRanges.parseIp(destinationIp);
        if (destination.isEmpty()) {
            return new RouteDecision(null, "cannot look up a route: '" + destinationIp + "' is not an IP address");
        }
        List<String> skipped = new ArrayList<>();
        Candidate best = null;
        for (RouteEntry route : candidates(userRoutes, vnetAddressPrefixes)) {
            Optional<IPAddress> prefix = AddressRanges.parseRange(route.addressPrefix());
            if (prefix.isEmpty()) {
                if (route.userDefined()) {
                    skipped.add("'" + route.name() + "' (" + route.addressPrefix() + ")");
                }
                continue;
            }
            if (!AddressRanges.contains(prefix.get(), destination.get())) {
                continue;
            }
            Candidate c = new Candidate(route, prefix.get().getNetworkPrefixLength() == null
                    ? prefix.get().getBitCount() : prefix.get().getNetworkPrefixLength(), rank(route));
            if (best == null || c.beats(best)) {
                best = c;
            }
        }
        if (best == null) {
            return new RouteDecision(null, "no route covers " + destination.get().toCanonicalString()
                    + skippedNote(skipped));
        }
        return new RouteDecision(best.route, explain(best.route, destination.get().toCanonicalString()) + skippedNote(skipped));
    }

    private record Candidate(RouteEntry route, int prefixLength, int rank) {
        boolean beats(Candidate other) {
            return prefixLength != other.prefixLength ? prefixLength > other.prefixLength : rank < other.rank;
        }
    }

    /*
     * On an equal prefix: user route, then the VNet's own route (Azure switches a reserved range's None route to
     * the virtual network when the range is the VNet's address space), then the other system routes.
     */
    private static int rank(RouteEntry route) {
        if (route.userDefined()) {
            return 0;
        }
        return route.nextHopType() == NextHopType.VNET_LOCAL ? 1 : 2;
    }

    private static List<RouteEntry> candidates(List<RouteEntry> userRoutes, List<String> vnetAddressPrefixes) {
        List<RouteEntry> all = new ArrayList<>();
        if (userRoutes != null) {
            userRoutes.stream().filter(r -> r != null).forEach(all::add);
        }
        if (vnetAddressPrefixes != null) {
            for (String prefix : vnetAddressPrefixes) {
                if (prefix != null) {
                    all.add(system("virtual network address space", prefix, NextHopType.VNET_LOCAL));
                }
            }
        }
        for (String prefix : NONE_SYSTEM_PREFIXES) {
            all.add(system("reserved private range", prefix, NextHopType.NONE));
        }
        all.add(system("default route", "0.0.0.0/0", NextHopType.INTERNET));
        all.add(system("default route", "::/0", NextHopType.INTERNET));
        return all;
    }

    private static RouteEntry system(String name, String prefix, NextHopType type) {
        return new RouteEntry("system route (" + name + ")", null, prefix.trim(), type, null, false);
    }

    private static String explain(RouteEntry route, String destination) {
        String which = route.userDefined() ? "user-defined route '" + route.name() + "'" : route.name();
        String head = destination + " uses " + which + " " + route.addressPrefix() + ", next hop "
                + route.nextHopType().azureName();
        switch (route.nextHopType()) {
            case NONE:
                return head + ": a black hole, traffic to " + destination + " is dropped";
            case VIRTUAL_APPLIANCE:
                return route.nextHopIpAddress() == null || route.nextHopIpAddress().isBlank()
                        ? head + " with no appliance IP set: traffic is dropped"
                        : head + " " + route.nextHopIpAddress() + ": the appliance at " + route.nextHopIpAddress()
                                + " must be running and forward the traffic";
            case VIRTUAL_NETWORK_GATEWAY:
                return head + ": traffic goes to the VPN or ExpressRoute gateway";
            case VNET_LOCAL:
                return head + ": delivered inside the virtual network";
            case INTERNET:
                return head + ": sent to the internet through the cluster's outbound path";
            default:
                return head;
        }
    }

    private static String skippedNote(List<String> skipped) {
        return skipped.isEmpty() ? ""
                : " (user routes not evaluated, their prefix is not an address range: " + String.join(", ", skipped) + ")";
    }
}
