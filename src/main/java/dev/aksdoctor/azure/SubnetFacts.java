package dev.aksdoctor.azure;

import java.util.List;
import java.util.Objects;

/**
 * A subnet as its VNet lists it.
 *
 * @param usedIpConfigurations IP configurations (NICs, private endpoints) currently in the subnet
 */
public record SubnetFacts(String id, String name, List<String> addressPrefixes, String nsgId, String routeTableId,
        String natGatewayId, int usedIpConfigurations) {

    public SubnetFacts {
        Objects.requireNonNull(id, "id");
        addressPrefixes = addressPrefixes == null ? List.of() : List.copyOf(addressPrefixes);
    }
}
