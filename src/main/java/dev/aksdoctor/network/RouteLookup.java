package dev.aksdoctor.network;

import java.util.List;

/** Azure's route selection: system routes plus user routes, longest prefix wins, user beats system on a tie. */
public final class RouteLookup {

    private RouteLookup() {
    }

    public static RouteDecision effectiveRoute(List<RouteEntry> userRoutes, List<String> vnetAddressPrefixes,
            String destinationIp) {
        throw new UnsupportedOperationException("todo");
    }
}
