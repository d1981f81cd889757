package dev.aksdoctor.azure;

import dev.aksdoctor.network.RouteEntry;
import java.util.List;
import java.util.Objects;

/** A route table with its user-defined routes. */
public record RouteTableFacts(String id, String name, List<RouteEntry> routes, boolean bgpPropagationDisabled) {
    public RouteTableFacts {
        Objects.requireNonNull(id, "id");
        routes = routes == null ? List.of() : List.copyOf(routes);
    }
}
