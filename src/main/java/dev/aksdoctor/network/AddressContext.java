package dev.aksdoctor.network;

import java.util.List;

/**
 * What service tags mean for one evaluation, so they can be decided offline.
 *
 * @param vnetAddressPrefixes the VNet's address space, plus peered and on-premises prefixes when known
 *                            (all of it is the {@code VirtualNetwork} tag)
 * @param region              the cluster's region, lower-case (for {@code AzureCloud.<region>})
 * @param destinationIsAzurePublicIp the flow's destination is known to be an Azure public IP, such as a
 *                            public cluster's API server; only then do {@code AzureCloud} tags match it
 */
public record AddressContext(List<String> vnetAddressPrefixes, String region, boolean destinationIsAzurePublicIp) {
    public AddressContext {
        vnetAddressPrefixes = vnetAddressPrefixes == null ? List.of() : List.copyOf(vnetAddressPrefixes);
    }
}
