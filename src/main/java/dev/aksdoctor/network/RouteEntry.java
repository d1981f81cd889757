package dev.aksdoctor.network;

import java.util.Objects;

/** A route: a user-defined one from a route table, or one of Azure's system routes. */
public record RouteEntry(
        String name,
        String resourceId,
        String addressPrefix,
        NextHopType nextHopType,
        String nextHopIpAddress,
        boolean userDefined) {

    public RouteEntry {
        Objects.requireNonNull(addressPrefix, "addressPrefix");
        Objects.requireNonNull(nextHopType, "nextHopType");
    }
}
