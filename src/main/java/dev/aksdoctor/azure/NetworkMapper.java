package dev.aksdoctor.azure;

import static dev.aksdoctor.azure.SdkValues.ids;
import static dev.aksdoctor.azure.SdkValues.list;
import static dev.aksdoctor.azure.SdkValues.merge;
import static dev.aksdoctor.azure.SdkValues.str;

import com.azure.core.management.SubResource;
import com.azure.resourcemanager.network.fluent.models.AzureFirewallInner;
import com.azure.resourcemanager.network.fluent.models.FirewallPolicyInner;
import com.azure.resourcemanager.network.fluent.models.FirewallPolicyRuleCollectionGroupInner;
import com.azure.resourcemanager.network.fluent.models.NatGatewayInner;
import com.azure.resourcemanager.network.fluent.models.NetworkInterfaceInner;
import com.azure.resourcemanager.network.fluent.models.NetworkInterfaceIpConfigurationInner;
import com.azure.resourcemanager.network.fluent.models.NetworkSecurityGroupInner;
import com.azure.resourcemanager.network.fluent.models.PrivateEndpointInner;
import com.azure.resourcemanager.network.fluent.models.PublicIpAddressInner;
import com.azure.resourcemanager.network.fluent.models.PublicIpPrefixInner;
import com.azure.resourcemanager.network.fluent.models.RouteInner;
import com.azure.resourcemanager.network.fluent.models.RouteTableInner;
import com.azure.resourcemanager.network.fluent.models.SecurityRuleInner;
import com.azure.resourcemanager.network.fluent.models.ServiceTagInformationInner;
import com.azure.resourcemanager.network.fluent.models.ServiceTagsListResultInner;
import com.azure.resourcemanager.network.fluent.models.SubnetInner;
import com.azure.resourcemanager.network.fluent.models.VirtualNetworkInner;
import com.azure.resourcemanager.network.models.ApplicationRule;
import com.azure.resourcemanager.network.models.AzureFirewallApplicationRuleCollection;
import com.azure.resourcemanager.network.models.AzureFirewallIpConfiguration;
import com.azure.resourcemanager.network.models.AzureFirewallNetworkRuleCollection;
import com.azure.resourcemanager.network.models.FirewallPolicyFilterRuleCollection;
import com.azure.resourcemanager.network.models.FirewallPolicyNatRuleCollection;
import com.azure.resourcemanager.network.models.FirewallPolicyRule;
import com.azure.resourcemanager.network.models.FirewallPolicyRuleCollection;
import com.azure.resourcemanager.network.models.NetworkRule;
import com.azure.resourcemanager.network.models.PrivateLinkServiceConnection;
import com.azure.resourcemanager.privatedns.fluent.models.PrivateZoneInner;
import com.azure.resourcemanager.privatedns.fluent.models.VirtualNetworkLinkInner;
import dev.aksdoctor.network.Access;
import dev.aksdoctor.network.Direction;
import dev.aksdoctor.network.FirewallAction;
import dev.aksdoctor.network.FirewallRule;
import dev.aksdoctor.network.FirewallRuleCollection;
import dev.aksdoctor.network.FirewallRuleKind;
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
        List<VnetFacts.Peering> peerings = list(v.virtualNetworkPeerings()).stream()
                .map(p -> new VnetFacts.Peering(p.name(),
                        p.remoteVirtualNetwork() == null ? null : p.remoteVirtualNetwork().id(), str(p.peeringState()),
                        p.remoteAddressSpace() == null ? List.of() : list(p.remoteAddressSpace().addressPrefixes())))
                .collect(Collectors.toList());
        return new VnetFacts(v.id(), v.name(), v.location(),
                v.addressSpace() == null ? List.of() : list(v.addressSpace().addressPrefixes()),
                v.dhcpOptions() == null ? List.of() : list(v.dhcpOptions().dnsServers()), subnets, peerings);
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
        List<FirewallRuleCollection> collections = new ArrayList<>();
        for (AzureFirewallApplicationRuleCollection c : list(f.applicationRuleCollections())) {
            List<FirewallRule> rules = list(c.rules()).stream().map(r -> FirewallRule.application(r.name(),
                    r.sourceAddresses(), r.sourceIpGroups(), list(r.protocols()).stream()
                            .map(p -> str(p.protocolType()) + ":" + p.port()).collect(Collectors.toList()),
                    r.targetFqdns(), r.fqdnTags(), false)).collect(Collectors.toList());
            classic(c.name(), c.id(), c.priority(), c.action() == null ? null : str(c.action().type()),
                    FirewallRuleKind.APPLICATION, rules).ifPresent(collections::add);
        }
        for (AzureFirewallNetworkRuleCollection c : list(f.networkRuleCollections())) {
            List<FirewallRule> rules = list(c.rules()).stream().map(r -> FirewallRule.network(r.name(),
                    r.sourceAddresses(), r.sourceIpGroups(), list(r.protocols()).stream().map(SdkValues::str)
                            .collect(Collectors.toList()), r.destinationAddresses(), r.destinationIpGroups(),
                    r.destinationFqdns(), r.destinationPorts())).collect(Collectors.toList());
            classic(c.name(), c.id(), c.priority(), c.action() == null ? null : str(c.action().type()),
                    FirewallRuleKind.NETWORK, rules).ifPresent(collections::add);
        }
        List<String> hubIps = f.hubIpAddresses() == null || f.hubIpAddresses().publicIPs() == null ? List.of()
                : list(f.hubIpAddresses().publicIPs().addresses()).stream().map(a -> a.address())
                        .filter(Objects::nonNull).collect(Collectors.toList());
        List<String> privateIps = configs.stream().map(AzureFirewallIpConfiguration::privateIpAddress)
                .filter(Objects::nonNull).collect(Collectors.toCollection(ArrayList::new));
        if (f.hubIpAddresses() != null && f.hubIpAddresses().privateIpAddress() != null) {
            privateIps.add(f.hubIpAddresses().privateIpAddress());
        }
        boolean dnsProxy = f.additionalProperties() != null
                && "true".equalsIgnoreCase(f.additionalProperties().get("Network.DNS.EnableProxy"));
        return new FirewallFacts(f.id(), f.name(), str(f.provisioningState()), privateIps,
                configs.stream().map(AzureFirewallIpConfiguration::publicIpAddress).filter(Objects::nonNull)
                        .map(SubResource::id).collect(Collectors.toList()),
                hubIps, f.sku() == null ? null : str(f.sku().tier()),
                f.firewallPolicy() == null ? null : f.firewallPolicy().id(), collections,
                list(f.ipGroups()).stream().map(g -> g.id()).filter(Objects::nonNull).collect(Collectors.toList()),
                dnsProxy);
    }

    private static Optional<FirewallRuleCollection> classic(String name, String id, Integer priority, String action,
            FirewallRuleKind kind, List<FirewallRule> rules) {
        FirewallAction a = FirewallAction.fromAzure(action);
        if (name == null || a == null || priority == null) {
            return Optional.empty();
        }
        return Optional.of(new FirewallRuleCollection(name, id, null, false, null, 0, priority, a, kind, rules));
    }

    /** A policy and its rule collection groups; NAT collections are kept as such (egress ignores them). */
    static FirewallPolicyFacts firewallPolicy(FirewallPolicyInner p, Iterable<FirewallPolicyRuleCollectionGroupInner> groups) {
        List<FirewallRuleCollection> collections = new ArrayList<>();
        java.util.Set<String> ipGroups = new java.util.LinkedHashSet<>();
        for (FirewallPolicyRuleCollectionGroupInner g : groups) {
            int groupPriority = g.priority() == null ? 0 : g.priority();
            for (FirewallPolicyRuleCollection c : list(g.ruleCollections())) {
                List<FirewallRule> rules = new ArrayList<>();
                FirewallAction action;
                FirewallRuleKind kind = null;
                List<FirewallPolicyRule> policyRules;
                if (c instanceof FirewallPolicyFilterRuleCollection) {
                    FirewallPolicyFilterRuleCollection filter = (FirewallPolicyFilterRuleCollection) c;
                    action = FirewallAction.fromAzure(filter.action() == null ? null : str(filter.action().type()));
                    policyRules = list(filter.rules());
                } else if (c instanceof FirewallPolicyNatRuleCollection) {
                    action = FirewallAction.DNAT;
                    kind = FirewallRuleKind.NAT;
                    policyRules = list(((FirewallPolicyNatRuleCollection) c).rules());
                } else {
                    continue;
                }
                for (FirewallPolicyRule r : policyRules) {
                    if (r instanceof ApplicationRule) {
                        ApplicationRule a = (ApplicationRule) r;
                        rules.add(new FirewallRule(a.name(), FirewallRuleKind.APPLICATION, a.sourceAddresses(),
                                a.sourceIpGroups(), list(a.protocols()).stream()
                                        .map(x -> str(x.protocolType()) + ":" + x.port()).collect(Collectors.toList()),
                                a.targetFqdns(), a.fqdnTags(), a.targetUrls(), a.webCategories(), null, null, null,
                                null, null, Boolean.TRUE.equals(a.terminateTls())));
                        ipGroups.addAll(list(a.sourceIpGroups()));
                        kind = kind == null ? FirewallRuleKind.APPLICATION : kind;
                    } else if (r instanceof NetworkRule) {
                        NetworkRule n = (NetworkRule) r;
                        rules.add(FirewallRule.network(n.name(), n.sourceAddresses(), n.sourceIpGroups(),
                                list(n.ipProtocols()).stream().map(SdkValues::str).collect(Collectors.toList()),
                                n.destinationAddresses(), n.destinationIpGroups(), n.destinationFqdns(),
                                n.destinationPorts()));
                        ipGroups.addAll(list(n.sourceIpGroups()));
                        ipGroups.addAll(list(n.destinationIpGroups()));
                        kind = kind == null ? FirewallRuleKind.NETWORK : kind;
                    }
                }
                if (action != null && c.name() != null) {
                    collections.add(new FirewallRuleCollection(c.name(), g.id(), p.name(), false, g.name(),
                            groupPriority, c.priority() == null ? 0 : c.priority(), action,
                            kind == null ? FirewallRuleKind.APPLICATION : kind, rules));
                }
            }
        }
        String tier = p.sku() == null ? null : str(p.sku().tier());
        boolean tls = "Premium".equalsIgnoreCase(tier) && p.transportSecurity() != null
                && p.transportSecurity().certificateAuthority() != null;
        return new FirewallPolicyFacts(p.id(), p.name(), tier, p.basePolicy() == null ? null : p.basePolicy().id(),
                p.dnsSettings() != null && Boolean.TRUE.equals(p.dnsSettings().enableProxy()), tls, collections,
                new ArrayList<>(ipGroups));
    }

    static NicFacts nic(NetworkInterfaceInner n) {
        return new NicFacts(n.id(), n.name(), list(n.ipConfigurations()).stream()
                .map(NetworkInterfaceIpConfigurationInner::privateIpAddress).filter(Objects::nonNull)
                .collect(Collectors.toList()), Boolean.TRUE.equals(n.enableIpForwarding()),
                n.virtualMachine() == null ? null : n.virtualMachine().id(), str(n.provisioningState()));
    }

    static PublicIpPrefixFacts publicIpPrefix(PublicIpPrefixInner p) {
        return new PublicIpPrefixFacts(p.id(), p.ipPrefix());
    }

    /** Tag name to address prefixes, from the Service Tag Discovery API. */
    static java.util.Map<String, List<String>> serviceTags(ServiceTagsListResultInner r) {
        java.util.Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        for (ServiceTagInformationInner t : list(r.values())) {
            if (t.name() != null && t.properties() != null) {
                out.put(t.name(), list(t.properties().addressPrefixes()));
            }
        }
        return out;
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
