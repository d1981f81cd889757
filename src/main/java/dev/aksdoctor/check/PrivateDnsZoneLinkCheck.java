package dev.aksdoctor.check;

import dev.aksdoctor.azure.ArmException;
import dev.aksdoctor.azure.ClusterFacts;
import dev.aksdoctor.azure.ForwardingRulesetFacts;
import dev.aksdoctor.azure.PrivateDnsZoneFacts;
import dev.aksdoctor.azure.PrivateEndpointFacts;
import dev.aksdoctor.azure.VnetFacts;
import dev.aksdoctor.diagnosis.CheckId;
import dev.aksdoctor.network.AddressRanges;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A private cluster's private DNS zone must be linked to every node VNet, or the nodes cannot resolve the API server. */
@ApplicationScoped
public class PrivateDnsZoneLinkCheck implements Check {

    @Override
    public CheckId id() {
        return CheckId.PRIVATE_DNS_ZONE_LINK;
    }

    @Override
    public Finding run(CheckContext context) {
        ClusterFacts c = context.facts().cluster();
        if (!c.privateCluster()) {
            return Findings.pass(id(), "Public cluster: the API server name is public DNS",
                    List.of(Evidence.of("enablePrivateCluster false", c.id())), Docs.PRIVATE_CLUSTER);
        }
        String setting = c.privateDnsZone() == null ? "system" : c.privateDnsZone();
        if (setting.equalsIgnoreCase("none")) {
            return Findings.pass(id(), "Private DNS zone 'none': the private FQDN resolves through public DNS",
                    List.of(Evidence.of("privateDNSZone none", c.id())), Docs.PRIVATE_CLUSTER);
        }
        List<PrivateDnsZoneFacts> zones;
        if (setting.startsWith("/")) {
            zones = List.of(context.facts().privateDnsZone(setting));
        } else {
            zones = context.facts().privateDnsZones(c.nodeResourceGroup()).stream()
                    .filter(z -> z.name().toLowerCase(Locale.ROOT).endsWith(".azmk8s.io")).toList();
        }
        if (zones.isEmpty()) {
            return Findings.fail(id(), "The cluster's private DNS zone is missing",
                    List.of(Evidence.of("privateDNSZone " + setting + ": no *.azmk8s.io zone in " + c.nodeResourceGroup(),
                            c.id())),
                    "Without the zone the private FQDN does not resolve; reconcile the cluster to recreate it.",
                    Docs.PRIVATE_CLUSTER, Findings.action(NextAction.RECONCILE_CLUSTER));
        }
        Map<String, VnetFacts> nodeVnets = new LinkedHashMap<>();
        context.facts().nodeSubnets().forEach(ns -> nodeVnets.put(ns.vnet().id().toLowerCase(Locale.ROOT), ns.vnet()));
        List<Evidence> evidence = new ArrayList<>();
        List<String> unlinked = new ArrayList<>();
        for (PrivateDnsZoneFacts zone : zones) {
            for (Map.Entry<String, VnetFacts> vnet : nodeVnets.entrySet()) {
                boolean linked = zone.links().stream().anyMatch(l -> l.virtualNetworkId() != null
                        && l.virtualNetworkId().toLowerCase(Locale.ROOT).equals(vnet.getKey()));
                String vnetName = NsgOutboundCheck.name(vnet.getValue().id());
                evidence.add(Evidence.of("zone " + zone.name() + (linked ? " is linked to " : " is NOT linked to ")
                        + "VNet " + vnetName, zone.id()));
                if (!linked && !forwardingPath(context, zone, vnet.getValue(), evidence)) {
                    unlinked.add(zone.name() + " → " + vnetName);
                }
            }
        }
        if (!unlinked.isEmpty()) {
            boolean custom = nodeVnets.values().stream().anyMatch(v -> !azureDns(v.dnsServers()));
            return Findings.fail(id(), "Private DNS zone not linked to the node VNet, and no forwarding path reaches it: "
                    + String.join(", ", unlinked), evidence, custom
                    ? "The node VNet's custom DNS servers are not in a VNet linked to the zone: link the zone to their "
                            + "VNet and have them forward " + zones.get(0).name() + " to 168.63.129.16 (or to a DNS "
                            + "Private Resolver inbound endpoint in a linked VNet), or link the zone to the node VNet."
                    : "Link the zone to the node VNet (az network private-dns link vnet create), or link a DNS "
                            + "forwarding ruleset to the node VNet that forwards " + zones.get(0).name()
                            + " to a resolver inbound endpoint in a VNet linked to the zone.",
                    Docs.PRIVATE_CLUSTER);
        }
        Finding record = recordMatchesEndpoint(context, c, zones, evidence);
        if (record != null) {
            return record;
        }
        return Findings.pass(id(), "The nodes can resolve the private DNS zone", evidence, Docs.PRIVATE_CLUSTER);
    }

    /**
     * Hub-and-spoke: a zone linked only to a hub still resolves for the nodes when their Azure DNS queries follow
     * a forwarding ruleset (linked to the node VNet) to a resolver in a zone-linked VNet they can reach, or when
     * their custom DNS servers sit in such a VNet (and forward to Azure DNS there).
     */
    private boolean forwardingPath(CheckContext context, PrivateDnsZoneFacts zone, VnetFacts node,
            List<Evidence> evidence) {
        List<VnetFacts> linked = new ArrayList<>();
        for (PrivateDnsZoneFacts.Link l : zone.links()) {
            if (l.virtualNetworkId() == null) {
                continue;
            }
            try {
                linked.add(context.facts().vnet(l.virtualNetworkId()));
            } catch (ArmException e) {
                evidence.add(Evidence.of("linked VNet " + NsgOutboundCheck.name(l.virtualNetworkId())
                        + " could not be read: " + e.getMessage(), l.virtualNetworkId()));
            }
        }
        if (!azureDns(node.dnsServers())) {
            for (String server : node.dnsServers()) {
                Optional<VnetFacts> in = reachableHolder(node, linked, server);
                if (in.isPresent()) {
                    evidence.add(Evidence.of("custom DNS server " + server + " is in VNet " + in.get().name()
                            + ", which is linked to the zone and peered with the node VNet: it must forward "
                            + zone.name() + " to 168.63.129.16", in.get().id()));
                    return true;
                }
                evidence.add(Evidence.of("custom DNS server " + server + " of VNet " + node.name() + " is in no VNet "
                        + "linked to the zone that the nodes can reach", node.id()));
            }
            return false;
        }
        for (String sub : context.facts().pathSubscriptions()) {
            List<ForwardingRulesetFacts> rulesets;
            try {
                rulesets = context.facts().dnsForwardingRulesets(sub);
            } catch (ArmException e) {
                evidence.add(Evidence.of("DNS forwarding rulesets of subscription " + sub + " could not be read: "
                        + e.getMessage()));
                continue;
            }
            for (ForwardingRulesetFacts rs : rulesets) {
                if (rs.linkedVnetIds().stream().noneMatch(v -> v.equalsIgnoreCase(node.id()))) {
                    continue;
                }
                for (ForwardingRulesetFacts.Rule rule : rs.rules()) {
                    if (!rule.enabled() || !covers(rule.domainName(), zone.name())) {
                        continue;
                    }
                    for (String target : rule.targets()) {
                        Optional<VnetFacts> in = reachableHolder(node, linked, target);
                        if (in.isPresent()) {
                            evidence.add(Evidence.of("forwarding ruleset " + rs.name() + " (linked to " + node.name()
                                    + ") rule " + rule.name() + " forwards " + rule.domainName() + " to " + target
                                    + " in VNet " + in.get().name() + ", which is linked to the zone", rs.id()));
                            return true;
                        }
                        evidence.add(Evidence.of("forwarding ruleset " + rs.name() + " rule " + rule.name()
                                + " forwards to " + target + ", which is in no zone-linked VNet the nodes can reach",
                                rs.id()));
                    }
                }
            }
        }
        evidence.add(Evidence.of("no DNS forwarding ruleset linked to " + node.name() + " forwards " + zone.name()
                + " to a VNet linked to the zone", node.id()));
        return false;
    }

    /** A zone-linked VNet that holds {@code ip} and that the node VNet reaches (itself, or a connected peering). */
    private static Optional<VnetFacts> reachableHolder(VnetFacts node, List<VnetFacts> linked, String ip) {
        for (VnetFacts v : linked) {
            boolean holds = AddressRanges.firstContaining(v.addressPrefixes(), ip).isPresent();
            boolean reachable = v.id().equalsIgnoreCase(node.id()) || node.peerings().stream()
                    .anyMatch(p -> p.connected() && v.id().equalsIgnoreCase(p.remoteVnetId()));
            if (holds && reachable) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** A ruleset domain ({@code privatelink.westeurope.azmk8s.io.}) applies to the zone and its subdomains. */
    static boolean covers(String domain, String zone) {
        String d = domain.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        String z = zone.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        return z.equals(d) || z.endsWith("." + d);
    }

    private static boolean azureDns(List<String> servers) {
        return servers.isEmpty() || servers.stream().allMatch("168.63.129.16"::equals);
    }

    /** The zone's A record for the cluster must hold the private endpoint's address. */
    private Finding recordMatchesEndpoint(CheckContext context, ClusterFacts c, List<PrivateDnsZoneFacts> zones,
            List<Evidence> evidence) {
        Optional<PrivateEndpointFacts> pe = context.facts().apiServerPrivateEndpoint();
        if (pe.isEmpty() || pe.get().privateIps().isEmpty() || c.privateFqdn() == null) {
            return null;
        }
        String fqdn = c.privateFqdn().toLowerCase(Locale.ROOT);
        for (PrivateDnsZoneFacts zone : zones) {
            String z = zone.name().toLowerCase(Locale.ROOT);
            if (!fqdn.endsWith("." + z)) {
                continue;
            }
            String name = fqdn.substring(0, fqdn.length() - z.length() - 1);
            Map<String, List<String>> records;
            try {
                records = context.facts().privateDnsARecords(zone.id());
            } catch (ArmException e) {
                evidence.add(Evidence.of("A records of " + zone.name() + " could not be read: " + e.getMessage(),
                        zone.id()));
                return null;
            }
            List<String> ips = records.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).toList();
            if (ips.isEmpty()) {
                evidence.add(0, Evidence.of("zone " + zone.name() + " has no A record " + name, zone.id()));
                return Findings.fail(id(), "The private DNS zone has no A record for the API server (" + name + ")",
                        evidence, "Reconcile the cluster to recreate the record, or add an A record " + name + " → "
                                + pe.get().privateIps().get(0) + ".", Docs.PRIVATE_CLUSTER,
                        Findings.action(NextAction.RECONCILE_CLUSTER));
            }
            if (ips.stream().noneMatch(pe.get().privateIps()::contains)) {
                evidence.add(0, Evidence.of("A record " + name + " → " + String.join(", ", ips) + ", private endpoint "
                        + pe.get().name() + " → " + String.join(", ", pe.get().privateIps()), zone.id()));
                return Findings.fail(id(), "The zone's A record for the API server points at " + String.join(", ", ips)
                        + ", not the private endpoint's " + String.join(", ", pe.get().privateIps()), evidence,
                        "Correct the A record " + name + " in " + zone.name() + " to " + pe.get().privateIps().get(0)
                                + " (or reconcile the cluster).", Docs.PRIVATE_CLUSTER,
                        Findings.action(NextAction.RECONCILE_CLUSTER));
            }
            evidence.add(Evidence.of("A record " + name + " → " + String.join(", ", ips)
                    + " matches private endpoint " + pe.get().name(), zone.id()));
        }
        return null;
    }
}
