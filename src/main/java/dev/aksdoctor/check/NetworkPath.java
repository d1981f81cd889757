package dev.aksdoctor.check;

import dev.aksdoctor.azure.ArmException;
import dev.aksdoctor.azure.ClusterFacts;
import dev.aksdoctor.azure.FirewallFacts;
import dev.aksdoctor.azure.NatGatewayFacts;
import dev.aksdoctor.azure.PrivateEndpointFacts;
import dev.aksdoctor.azure.PublicIpFacts;
import dev.aksdoctor.azure.PublicIpPrefixFacts;
import dev.aksdoctor.azure.SubnetFacts;
import dev.aksdoctor.azure.VnetFacts;
import dev.aksdoctor.diagnosis.Diagnosis;
import dev.aksdoctor.network.AddressRanges;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The network path of one investigation, derived from its memoised reads: node subnets, the API server's
 * address, egress IPs and firewalls. Each is computed once (see {@link InvestigationFacts#derived}) and
 * costs no ARM call of its own.
 */
final class NetworkPath {

    private final InvestigationFacts facts;
    private final Diagnosis diagnosis;
    private final HostResolver resolver;

    NetworkPath(InvestigationFacts facts, Diagnosis diagnosis, HostResolver resolver) {
        this.facts = Objects.requireNonNull(facts, "facts");
        this.diagnosis = Objects.requireNonNull(diagnosis, "diagnosis");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    List<NodeSubnet> nodeSubnets() {
        return facts.derived("nodeSubnets", () -> {
            ClusterFacts c = facts.cluster();
            Map<String, List<String>> poolsBySubnet = new LinkedHashMap<>();
            List<String> managedPools = new ArrayList<>();
            c.agentPools().forEach(p -> {
                if (p.vnetSubnetId() == null || p.vnetSubnetId().isBlank()) {
                    managedPools.add(p.name());
                } else {
                    poolsBySubnet.computeIfAbsent(p.vnetSubnetId(), k -> new ArrayList<>()).add(p.name());
                }
            });
            List<NodeSubnet> out = new ArrayList<>();
            poolsBySubnet.forEach((subnetId, pools) -> {
                String vnetId = subnetId.replaceFirst("(?i)/subnets/[^/]+$", "");
                VnetFacts vnet = facts.vnet(vnetId);
                SubnetFacts subnet = vnet.subnet(subnetId).orElseThrow(() -> ArmException.notFound(subnetId));
                out.add(new NodeSubnet(subnet, vnet, pools, false));
            });
            if (!managedPools.isEmpty()) {
                for (VnetFacts vnet : facts.vnets(c.nodeResourceGroup())) {
                    if (vnet.name().toLowerCase(Locale.ROOT).startsWith("aks-vnet")) {
                        vnet.subnets().stream().filter(s -> s.name().equalsIgnoreCase("aks-subnet")).findFirst()
                                .or(() -> vnet.subnets().stream().findFirst())
                                .ifPresent(s -> out.add(new NodeSubnet(s, vnet, managedPools, true)));
                    }
                }
            }
            return List.copyOf(out);
        });
    }

    /** Stands for a public API server whose name does not resolve here: an address in Azure's public space. */
    static final String PUBLIC_STAND_IN = "20.0.0.1";

    Optional<String> apiServerIp() {
        return facts.derived("apiServerIp", () -> {
            if (diagnosis.apiServerIp() != null && AddressRanges.isValidIp(diagnosis.apiServerIp())) {
                return Optional.of(diagnosis.apiServerIp());
            }
            ClusterFacts c = facts.cluster();
            if (c.privateCluster()) {
                return apiServerPrivateEndpoint().flatMap(pe -> pe.privateIps().stream().findFirst());
            }
            String fqdn = c.fqdn();
            if (fqdn == null || !fqdn.matches("[A-Za-z0-9.-]{1,253}")) {
                return Optional.<String>empty();
            }
            return resolver.resolve(fqdn);
        });
    }

    /** One DNS lookup from here, memoised (a required outbound endpoint's address for Network Watcher). */
    Optional<String> resolve(String host) {
        return facts.derived("resolve:" + host.toLowerCase(Locale.ROOT), () -> resolver.resolve(host));
    }

    Optional<PrivateEndpointFacts> apiServerPrivateEndpoint() {
        return facts.derived("apiServerPe", () -> {
            ClusterFacts c = facts.cluster();
            List<PrivateEndpointFacts> endpoints = facts.privateEndpoints(c.nodeResourceGroup());
            return endpoints.stream()
                    .filter(pe -> pe.name().equalsIgnoreCase("kube-apiserver") || pe.connections().stream()
                            .anyMatch(con -> con.groupIds().stream().anyMatch("management"::equalsIgnoreCase)
                                    || (con.privateLinkServiceId() != null && con.privateLinkServiceId()
                                            .equalsIgnoreCase(c.id()))))
                    .findFirst();
        });
    }

    List<EgressIp> egressIps() {
        return egress().ips();
    }

    List<String> unknownEgress() {
        return egress().unknown();
    }

    private record Egress(List<EgressIp> ips, List<String> unknown) {
    }

    /**
     * Every address the nodes' traffic can leave from: the load balancer's outbound IPs and prefixes, NAT gateway
     * IPs and prefixes ({@code publicIPPrefixes.properties.ipPrefix}), and the public IPs of the Azure Firewall a
     * default route leads to, wherever it lives. What cannot be determined is said, never dropped.
     */
    private Egress egress() {
        return facts.derived("egress", () -> {
            ClusterFacts c = facts.cluster();
            List<EgressIp> out = new ArrayList<>();
            List<String> unknown = new ArrayList<>();
            String source = sourceOf(c.outboundType());
            for (String id : c.egressIpIds()) {
                addIpOrPrefix(id, source, out, unknown);
            }
            for (NodeSubnet ns : nodeSubnets()) {
                if (ns.subnet().natGatewayId() != null) {
                    NatGatewayFacts nat = facts.natGateway(ns.subnet().natGatewayId());
                    String natSource = "NAT gateway " + name(nat.id());
                    nat.publicIpIds().forEach(id -> addIpOrPrefix(id, natSource, out, unknown));
                    nat.publicIpPrefixIds().forEach(id -> addIpOrPrefix(id, natSource, out, unknown));
                    if (nat.publicIpIds().isEmpty() && nat.publicIpPrefixIds().isEmpty()) {
                        unknown.add(natSource + " has no public IP or prefix");
                    }
                }
            }
            if ("userDefinedRouting".equalsIgnoreCase(c.outboundType())) {
                List<FirewallFacts> firewalls = egressFirewalls();
                for (FirewallFacts fw : firewalls) {
                    String fwSource = "Azure Firewall " + fw.name()
                            + (fw.subscriptionId() != null && !fw.subscriptionId().equalsIgnoreCase(facts.ref().subscriptionId())
                                    ? " (subscription " + fw.subscriptionId() + ")" : "");
                    fw.publicIpIds().forEach(id -> addIpOrPrefix(id, fwSource, out, unknown));
                    fw.hubPublicIps().forEach(ip -> add(out, new EgressIp(ip, fw.id(), fwSource)));
                    if (fw.publicIpIds().isEmpty() && fw.hubPublicIps().isEmpty()) {
                        unknown.add(fwSource + " has no public IP");
                    }
                }
                for (String hop : defaultRouteHops()) {
                    boolean firewall = firewalls.stream().anyMatch(fw -> fw.privateIps().contains(hop));
                    if (!firewall) {
                        ApplianceOwner owner = facts.applianceOwner(hop);
                        unknown.add("the default route leads to " + hop + ", " + (owner.kind() == ApplianceOwner.Kind.NIC
                                ? "network virtual appliance " + name(owner.nic().id())
                                        + ", whose public address (or the next device's) is not visible in Azure"
                                : owner.kind() == ApplianceOwner.Kind.LOAD_BALANCER ? "an internal load balancer in "
                                        + "front of appliances whose public address is not visible in Azure"
                                : owner.kind() == ApplianceOwner.Kind.NOBODY ? "which no NIC or firewall holds"
                                        : "which could not be looked up: " + String.join("; ", owner.unreadable())));
                    }
                }
                if (firewalls.isEmpty() && defaultRouteHops().isEmpty()) {
                    unknown.add("outbound type userDefinedRouting, but no node subnet has a 0.0.0.0/0 route to an "
                            + "appliance (the egress may go through an on-premises or ExpressRoute path)");
                }
            }
            return new Egress(List.copyOf(out), List.copyOf(unknown));
        });
    }

    private void addIpOrPrefix(String id, String source, List<EgressIp> out, List<String> unknown) {
        try {
            if (id.toLowerCase(Locale.ROOT).contains("/publicipprefixes/")) {
                PublicIpPrefixFacts prefix = facts.publicIpPrefix(id);
                if (prefix.ipPrefix() == null) {
                    unknown.add(source + ": public IP prefix " + name(id) + " has no prefix allocated");
                } else {
                    add(out, new EgressIp(prefix.ipPrefix(), prefix.id(), source + " prefix"));
                }
                return;
            }
            PublicIpFacts pip = facts.publicIp(id);
            if (pip.ipAddress() == null) {
                unknown.add(source + ": public IP " + name(id) + " has no address allocated");
            } else {
                add(out, new EgressIp(pip.ipAddress(), pip.id(), source));
            }
        } catch (ArmException e) {
            unknown.add(source + ": " + name(id) + " could not be read (" + e.getMessage() + ")");
        }
    }

    private static void add(List<EgressIp> out, EgressIp ip) {
        if (out.stream().noneMatch(e -> e.address().equals(ip.address()))) {
            out.add(ip);
        }
    }

    private static String name(String resourceId) {
        return resourceId == null ? "(none)" : resourceId.substring(resourceId.lastIndexOf('/') + 1);
    }

    private List<String> defaultRouteHops() {
        return facts.derived("defaultRouteHops", () -> {
            List<String> hops = new ArrayList<>();
            for (NodeSubnet ns : nodeSubnets()) {
                if (ns.subnet().routeTableId() != null) {
                    facts.routeTable(ns.subnet().routeTableId()).routes().stream()
                            .filter(r -> r.nextHopIpAddress() != null)
                            .filter(r -> r.addressPrefix().equals("0.0.0.0/0"))
                            .filter(r -> !hops.contains(r.nextHopIpAddress()))
                            .forEach(r -> hops.add(r.nextHopIpAddress()));
                }
            }
            return List.copyOf(hops);
        });
    }

    private static String sourceOf(String outboundType) {
        if (outboundType != null && outboundType.toLowerCase(Locale.ROOT).contains("natgateway")) {
            return "managed NAT gateway";
        }
        return "load balancer outbound IP";
    }

    List<FirewallFacts> egressFirewalls() {
        return facts.derived("egressFirewalls", () -> {
            List<FirewallFacts> out = new ArrayList<>();
            for (String hop : defaultRouteHops()) {
                ApplianceOwner owner = facts.applianceOwner(hop);
                if (owner.kind() == ApplianceOwner.Kind.FIREWALL
                        && out.stream().noneMatch(f -> f.id().equalsIgnoreCase(owner.firewall().id()))) {
                    out.add(owner.firewall());
                }
            }
            return List.copyOf(out);
        });
    }
}
