package dev.aksdoctor.network;

import java.util.Objects;

/** One outbound destination AKS nodes must reach. {@code host} may be a wildcard pattern. */
public record RequiredEndpoint(String host, int port, String protocol, String purpose) {
    public RequiredEndpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(purpose, "purpose");
    }
}
