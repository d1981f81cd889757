package dev.aksdoctor.network;

/** The route Azure picks for a destination; {@code route} is null only when the destination is not an IP. */
public record RouteDecision(RouteEntry route, String explanation) {
}
