package dev.aksdoctor.azure;

import java.util.List;
import java.util.Objects;

/** A NAT gateway's public IPs and public IP prefixes (resource ids). */
public record NatGatewayFacts(String id, List<String> publicIpIds, List<String> publicIpPrefixIds) {
    public NatGatewayFacts {
        Objects.requireNonNull(id, "id");
        publicIpIds = publicIpIds == null ? List.of() : List.copyOf(publicIpIds);
        publicIpPrefixIds = publicIpPrefixIds == null ? List.of() : List.copyOf(publicIpPrefixIds);
    }
}
