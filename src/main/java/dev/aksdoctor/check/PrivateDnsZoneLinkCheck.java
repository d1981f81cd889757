package dev.aksdoctor.check;

import dev.aksdoctor.diagnosis.CheckId;
import dev.aksdoctor.azure.ClusterFacts;
import dev.aksdoctor.azure.PrivateDnsZoneFacts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
        Map<String, String> nodeVnets = new LinkedHashMap<>();
        context.facts().nodeSubnets().forEach(ns -> nodeVnets.put(ns.vnet().id().toLowerCase(Locale.ROOT), ns.vnet().id()));
        List<Evidence> evidence = new ArrayList<>();
        List<String> unlinked = new ArrayList<>();
        for (PrivateDnsZoneFacts zone : zones) {
            for (Map.Entry<String, String> vnet : nodeVnets.entrySet()) {
                boolean linked = zone.links().stream().anyMatch(l -> l.virtualNetworkId() != null
                        && l.virtualNetworkId().toLowerCase(Locale.ROOT).equals(vnet.getKey()));
                evidence.add(Evidence.of("zone " + zone.name() + (linked ? " is linked to " : " is NOT linked to ")
                        + "VNet " + NsgOutboundCheck.name(vnet.getValue()), zone.id()));
                if (!linked) {
                    unlinked.add(zone.name() + " → " + NsgOutboundCheck.name(vnet.getValue()));
                }
            }
        }
        if (!unlinked.isEmpty()) {
            return Findings.fail(id(), "Private DNS zone not linked to the node VNet: " + String.join(", ", unlinked),
                    evidence, "Link the zone to the node VNet (az network private-dns link vnet create), or, with "
                            + "custom DNS servers, forward the zone to 168.63.129.16 from a linked VNet.",
                    Docs.PRIVATE_CLUSTER);
        }
        return Findings.pass(id(), "The private DNS zone is linked to the node VNet", evidence, Docs.PRIVATE_CLUSTER);
    }
}
