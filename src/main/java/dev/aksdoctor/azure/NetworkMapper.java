package dev.aksdoctor.azure;

import static dev.aksdoctor.azure.SdkValues.ids;
import static dev.aksdoctor.azure.SdkValues.list;
import static dev.aksdoctor.azure.SdkValues.merge;
import static dev.aksdoctor.azure.SdkValues.str;

import com.azure.core.management.SubResource;
import com.azure.resourcemanager.network.fluent.models.AzureFirewallInner;
import com.azure.resourcemanager.network.fluent.models.NatGatewayInner;
import com.azure.resourcemanager.network.fluent.models.NetworkSecurityGroupInner;
import com.azure.resourcemanager.network.fluent.models.PrivateEndpointInner;
import com.azure.resourcemanager.network.fluent.models.PublicIpAddressInner;
import com.azure.resourcemanager.network.fluent.models.RouteInner;
import com.azure.resourcemanager.network.fluent.models.RouteTableInner;
import com.azure.resourcemanager.network.fluent.models.SecurityRuleInner;
import com.azure.resourcemanager.network.fluent.models.SubnetInner;
import com.azure.resourcemanager.network.fluent.models.VirtualNetworkInner;
import com.azure.resourcemanager.network.models.AzureFirewallIpConfiguration;
import com.azure.resourcemanager.network.models.PrivateLinkServiceConnection;
import com.azure.resourcemanager.privatedns.fluent.models.PrivateZoneInner;
import com.azure.resourcemanager.privatedns.fluent.models.VirtualNetworkLinkInner;
import dev.aksdoctor.network.Access;
import dev.aksdoctor.network.Direction;
import dev.aksdoctor.network.NextHopType;
import dev.aksdoctor.network.NsgRule;
import dev.aksdoctor.network.RouteEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Microsoft.Network models (virtual networks, NSGs, routes, IPs, firewalls, private endpoints and DNS) to our records. */
final class NetworkMapper {

    private NetworkMapper() {
    }

    static VnetFacts vnet(VirtualNetworkInner v) {
        List<SubnetFacts> subnets = list(v.subnets()).stream().map(NetworkMapper::subnet)
                .collect(Collectors.toList());
        return new VnetFacts(v.id(), v.name(), v.location(),
                v.addressSpace() == null ? List.of() : list(v.addressSpace().addressPrefixes()),
                v.dhcpOptions() == null ? List.of() : list(v.dhcpOptions().dnsServers()), subnets);
    }

    private static SubnetFacts subnet(SubnetInner s) {
        List<String> prefixes = new ArrayList<>();
        if (s.addressPrefix() != null) {
            prefixes.add(s.addressPrefix());
        }
        list(s.addressPrefixes()).stream().filter(p -> !prefixes.contains(p)).forEach(prefixes::add);
        return new SubnetFacts(s.id(), s.name(), prefixes,
                s.networkSecurityGroup() == null ? null : s.networkSecurityGroup().id(),
                s.routeTable() == null ? null : s.routeTable().id(),
                s.natGateway() == null ? null : s.natGateway().id(),
                list(s.ipConfigurations()).size() + list(s.privateEndpoints()).size());
    }

    static NsgFacts nsg(NetworkSecurityGroupInner n) {
        List<NsgRule> rules = new ArrayList<>();
        list(n.securityRules()).forEach(r -> rule(r, false).ifPresent(rules::add));
        list(n.defaultSecurityRules()).forEach(r -> rule(r, true).ifPresent(rules::add));
        return new NsgFacts(n.id(), n.name(), rules);
    }

    private static Optional<NsgRule> rule(SecurityRuleInner r, boolean defaultRule) {
        Direction direction = Direction.fromAzure(str(r.direction()));
        Access access = Access.fromAzure(str(r.access()));
        if (direction == null || access == null || r.priority() == null) {
            return Optional.empty();
        }
        return Optional.of(new NsgRule(r.name(), r.id(), direction, access, r.priority(), str(r.protocol()),
                merge(r.sourceAddressPrefix(), r.sourceAddressPrefixes()),
                merge(r.sourcePortRange(), r.sourcePortRanges()),
                merge(r.destinationAddressPrefix(), r.destinationAddressPrefixes()),
                merge(r.destinationPortRange(), r.destinationPortRanges()), defaultRule));
    }

    static RouteTableFacts routeTable(RouteTableInner t) {
        List<RouteEntry> routes = new ArrayList<>();
        for (RouteInner r : list(t.routes())) {
            Optional<NextHopType> hop = NextHopType.tryFromAzure(str(r.nextHopType()));
            if (r.addressPrefix() != null && hop.isPresent()) {
                routes.add(new RouteEntry(r.name(), r.id(), r.addressPrefix(), hop.get(), r.nextHopIpAddress(), true));
            }
        }
        return new RouteTableFacts(t.id(), t.name(), routes, Boolean.TRUE.equals(t.disableBgpRoutePropagation()));
    }

    static PublicIpFacts publicIp(PublicIpAddressInner ip) {
        return new PublicIpFacts(ip.id(), ip.ipAddress());
    }

    static NatGatewayFacts natGateway(NatGatewayInner n) {
        return new NatGatewayFacts(n.id(), ids(n.publicIpAddresses()), ids(n.publicIpPrefixes()));
    }

    static FirewallFacts firewall(AzureFirewallInner f) {
        List<AzureFirewallIpConfiguration> configs = list(f.ipConfigurations());
        return new FirewallFacts(f.id(), f.name(), str(f.provisioningState()),
                configs.stream().map(AzureFirewallIpConfiguration::privateIpAddress).filter(Objects::nonNull)
                        .collect(Collectors.toList()),
                configs.stream().map(AzureFirewallIpConfiguration::publicIpAddress).filter(Objects::nonNull)
                        .map(SubResource::id).collect(Collectors.toList()));
    }

    static PrivateEndpointFacts privateEndpoint(PrivateEndpointInner p) {
        List<PrivateEndpointFacts.Connection> connections = Stream.concat(
                list(p.privateLinkServiceConnections()).stream(),
                list(p.manualPrivateLinkServiceConnections()).stream())
                .map(NetworkMapper::connection).collect(Collectors.toList());
        List<String> ips = list(p.customDnsConfigs()).stream().flatMap(d -> list(d.ipAddresses()).stream())
                .distinct().collect(Collectors.toList());
        return new PrivateEndpointFacts(p.id(), p.name(), str(p.provisioningState()),
                p.subnet() == null ? null : p.subnet().id(), connections, ips);
    }

    private static PrivateEndpointFacts.Connection connection(PrivateLinkServiceConnection c) {
        var state = c.privateLinkServiceConnectionState();
        return new PrivateEndpointFacts.Connection(c.name(), c.privateLinkServiceId(), c.groupIds(),
                state == null ? null : state.status(), state == null ? null : state.description());
    }

    static PrivateDnsZoneFacts privateDnsZone(PrivateZoneInner z, Iterable<VirtualNetworkLinkInner> links) {
        List<PrivateDnsZoneFacts.Link> out = new ArrayList<>();
        for (VirtualNetworkLinkInner l : links) {
            out.add(new PrivateDnsZoneFacts.Link(l.id(), l.name(),
                    l.virtualNetwork() == null ? null : l.virtualNetwork().id(), str(l.virtualNetworkLinkState())));
        }
        return new PrivateDnsZoneFacts(z.id(), z.name(), out);
    }
}
