package dev.aksdoctor.azure;

import java.util.List;
import java.util.Objects;

/** A private DNS zone and the VNets linked to it. */
public record PrivateDnsZoneFacts(String id, String name, List<Link> links) {

    /** {@code state} is ARM's virtualNetworkLinkState: Completed or InProgress. */
    public record Link(String id, String name, String virtualNetworkId, String state) {
    }

    public PrivateDnsZoneFacts {
        Objects.requireNonNull(id, "id");
        links = links == null ? List.of() : List.copyOf(links);
    }
}
