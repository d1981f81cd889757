package dev.aksdoctor.azure;

import java.util.Objects;

/** A public IP address resource; {@code ipAddress} is null while unallocated. */
public record PublicIpFacts(String id, String ipAddress) {
    public PublicIpFacts {
        Objects.requireNonNull(id, "id");
    }
}
