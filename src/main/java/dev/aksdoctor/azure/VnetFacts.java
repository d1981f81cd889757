package dev.aksdoctor.azure;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A virtual network with its inline subnets. Empty {@code dnsServers} means Azure-provided DNS. */
public record VnetFacts(String id, String name, String location, List<String> addressPrefixes, List<String> dnsServers,
        List<SubnetFacts> subnets, List<Peering> peerings) {

    /** A peering as the VNet lists it inline; {@code state} is {@code Connected} when traffic flows. */
    public record Peering(String name, String remoteVnetId, String state, List<String> remoteAddressPrefixes) {
        public Peering {
            remoteAddressPrefixes = remoteAddressPrefixes == null ? List.of() : List.copyOf(remoteAddressPrefixes);
        }

        public boolean connected() {
            return "Connected".equalsIgnoreCase(state);
        }
    }

    public VnetFacts(String id, String name, String location, List<String> addressPrefixes, List<String> dnsServers,
            List<SubnetFacts> subnets) {
        this(id, name, location, addressPrefixes, dnsServers, subnets, List.of());
    }


    public VnetFacts {
        Objects.requireNonNull(id, "id");
        addressPrefixes = addressPrefixes == null ? List.of() : List.copyOf(addressPrefixes);
        dnsServers = dnsServers == null ? List.of() : List.copyOf(dnsServers);
        subnets = subnets == null ? List.of() : List.copyOf(subnets);
        peerings = peerings == null ? List.of() : List.copyOf(peerings);
    }

    public Optional<SubnetFacts> subnet(String subnetId) {
        return subnets.stream().filter(s -> s.id().equalsIgnoreCase(subnetId)).findFirst();
    }
}
