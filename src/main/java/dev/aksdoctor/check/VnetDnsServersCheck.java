package dev.aksdoctor.check;

import dev.aksdoctor.azure.ClusterFacts;
import dev.aksdoctor.azure.VnetFacts;
import dev.aksdoctor.diagnosis.CheckId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The node VNet's DNS servers (seed 003, exit codes 52/53): custom servers must resolve the API server and
 * the AKS endpoints, and for private clusters forward the privatelink zone to Azure DNS (168.63.129.16).
 */
@ApplicationScoped
public class VnetDnsServersCheck implements Check {

    static final String AZURE_DNS = "168.63.129.16";

    @Override
    public CheckId id() {
        return CheckId.VNET_DNS_SERVERS;
    }

    @Override
    public Finding run(CheckContext context) {
        ClusterFacts c = context.facts().cluster();
        Map<String, VnetFacts> vnets = new LinkedHashMap<>();
        context.facts().nodeSubnets().forEach(ns -> vnets.putIfAbsent(ns.vnet().id(), ns.vnet()));
        List<Evidence> evidence = new ArrayList<>();
        List<String> custom = new ArrayList<>();
        for (VnetFacts v : vnets.values()) {
            if (v.dnsServers().isEmpty() || v.dnsServers().equals(List.of(AZURE_DNS))) {
                evidence.add(Evidence.of("VNet " + v.name() + " uses Azure DNS (" + AZURE_DNS + ")", v.id()));
            } else {
                evidence.add(Evidence.of("VNet " + v.name() + " uses custom DNS servers " + String.join(", ",
                        v.dnsServers()), v.id()));
                custom.addAll(v.dnsServers());
            }
        }
        if (custom.isEmpty()) {
            return Findings.pass(id(), "The node VNet uses Azure DNS", evidence, Docs.AZURE_DNS);
        }
        String name = c.privateCluster() ? c.privateFqdn() : c.fqdn();
        String remedy = "The nodes resolve through " + String.join(", ", custom) + ": these servers must be reachable "
                + "and resolve " + name + " and the AKS endpoints"
                + (c.privateCluster() ? "; forward privatelink." + c.location() + ".azmk8s.io to " + AZURE_DNS
                        + " from a VNet linked to the zone." : ".");
        return Findings.warn(id(), "The node VNet uses custom DNS servers " + String.join(", ", custom), evidence, remedy,
                Docs.PROVISIONING_TIMEOUT, Findings.action(NextAction.RUN_NODE_PROBE));
    }
}
