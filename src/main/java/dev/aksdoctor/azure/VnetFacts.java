package dev.aksdoctor.azure;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A virtual network with its inline subnets. Empty {@code dnsServers} means Azure-provided DNS. */
public record VnetFacts(String id, String name, String location, List<String> addressPrefixes, List<String> dnsServers,
        List<SubnetFacts> subnets) {

    public VnetFacts {
        Objects.requireNonNull(id, "id");
        addressPrefixes = addressPrefixes == null ? List.of() : List.copyOf(addressPrefixes);
        dnsServers = dnsServers == null ? List.of() : List.copyOf(dnsServers);
        subnets = subnets == null ? List.of() : List.copyOf(subnets);
    }

    public Optional<SubnetFacts> subnet(String subnetId) {
        return subnets.stream().filter(s -> s.id().equalsIgnoreCase(subnetId)).findFirst();
    }
}
