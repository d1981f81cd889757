package dev.aksdoctor.network;

import java.util.List;
import java.util.Map;

/**
 * What service tags mean for one evaluation, so they can be decided offline.
 *
 * @param vnetAddressPrefixes the VNet's address space, plus peered and on-premises prefixes when known
 *                            (all of it is the {@code VirtualNetwork} tag)
 * @param region              the cluster's region, lower-case (for {@code AzureCloud.<region>})
 * @param destinationIsAzurePublicIp the flow's destination is known to be an Azure public IP, such as a
 *                            public cluster's API server; only then do {@code AzureCloud} tags match it
 * @param serviceTagPrefixes  tag name to its prefixes (Service Tag Discovery API), when read; a tag found here
 *                            is decided by address
 * @param destinationHost     the flow goes to a host name outside the VNet (a required endpoint) rather than an
 *                            address: {@code Internet} holds it, {@code VirtualNetwork} does not, and service
 *                            tags are decided by {@code destinationServiceTag}
 * @param destinationServiceTag the service tag the destination host is in (null: none)
 */
public record AddressContext(List<String> vnetAddressPrefixes, String region, boolean destinationIsAzurePublicIp,
        Map<String, List<String>> serviceTagPrefixes, boolean destinationHost, String destinationServiceTag) {

    public AddressContext {
        vnetAddressPrefixes = vnetAddressPrefixes == null ? List.of() : List.copyOf(vnetAddressPrefixes);
        serviceTagPrefixes = serviceTagPrefixes == null ? Map.of() : Map.copyOf(serviceTagPrefixes);
    }

    public AddressContext(List<String> vnetAddressPrefixes, String region, boolean destinationIsAzurePublicIp) {
        this(vnetAddressPrefixes, region, destinationIsAzurePublicIp, Map.of(), false, null);
    }

    /** The same context for a flow to {@code endpoint}'s host name. */
    public AddressContext toEndpoint(RequiredEndpoint endpoint) {
        return new AddressContext(vnetAddressPrefixes, region, false, serviceTagPrefixes, true, endpoint.serviceTag());
    }

    public AddressContext withServiceTagPrefixes(Map<String, List<String>> prefixes) {
        return new AddressContext(vnetAddressPrefixes, region, destinationIsAzurePublicIp, prefixes, destinationHost,
                destinationServiceTag);
    }
}
