package dev.aksdoctor.check;

import dev.aksdoctor.azure.ArmException;
import dev.aksdoctor.azure.ClusterFacts;
import dev.aksdoctor.azure.FirewallFacts;
import dev.aksdoctor.azure.NatGatewayFacts;
import dev.aksdoctor.azure.PrivateEndpointFacts;
import dev.aksdoctor.azure.PublicIpFacts;
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
import java.util.stream.Collectors;

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
        return facts.derived("egressIps", () -> {
            ClusterFacts c = facts.cluster();
            List<EgressIp> out = new ArrayList<>();
            for (String pipId : c.egressIpIds()) {
                PublicIpFacts pip = facts.publicIp(pipId);
                if (pip.ipAddress() != null) {
                    out.add(new EgressIp(pip.ipAddress(), pip.id(), sourceOf(c.outboundType())));
                }
            }
            for (NodeSubnet ns : nodeSubnets()) {
                if (ns.subnet().natGatewayId() != null) {
                    NatGatewayFacts nat = facts.natGateway(ns.subnet().natGatewayId());
                    for (String pipId : nat.publicIpIds()) {
                        PublicIpFacts pip = facts.publicIp(pipId);
                        if (pip.ipAddress() != null && out.stream().noneMatch(e -> e.address().equals(pip.ipAddress()))) {
                            out.add(new EgressIp(pip.ipAddress(), pip.id(), "NAT gateway " + nat.id()));
                        }
                    }
                }
            }
            if ("userDefinedRouting".equalsIgnoreCase(c.outboundType())) {
                for (FirewallFacts fw : egressFirewalls()) {
                    for (String pipId : fw.publicIpIds()) {
                        PublicIpFacts pip = facts.publicIp(pipId);
                        if (pip.ipAddress() != null) {
                            out.add(new EgressIp(pip.ipAddress(), pip.id(), "Azure Firewall " + fw.name()));
                        }
                    }
                }
            }
            return List.copyOf(out);
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
            List<String> hops = new ArrayList<>();
            for (NodeSubnet ns : nodeSubnets()) {
                if (ns.subnet().routeTableId() != null) {
                    facts.routeTable(ns.subnet().routeTableId()).routes().stream()
                            .filter(r -> r.nextHopIpAddress() != null)
                            .filter(r -> r.addressPrefix().equals("0.0.0.0/0"))
                            .forEach(r -> hops.add(r.nextHopIpAddress()));
                }
            }
            if (hops.isEmpty()) {
                return List.<FirewallFacts>of();
            }
            return facts.firewalls().stream().filter(fw -> fw.privateIps().stream().anyMatch(hops::contains))
                    .collect(Collectors.toList());
        });
    }
}
