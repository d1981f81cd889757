package dev.aksdoctor.check;

import dev.aksdoctor.azure.ClusterFacts;
import dev.aksdoctor.azure.VnetFacts;
import dev.aksdoctor.check.DnsServerVerdict.Standing;
import dev.aksdoctor.diagnosis.CheckId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The node VNet's DNS servers (seed 003, exit codes 52/53): custom servers must resolve the API server and
 * the AKS endpoints, and for private clusters forward the privatelink zone to Azure DNS (168.63.129.16). A VNet
 * whose every server is proven unable to answer fails; one that Azure cannot see into is a warning.
 */
@ApplicationScoped
public class VnetDnsServersCheck implements Check {

    static final String AZURE_DNS = "168.63.129.16";

    @Override
    public CheckId id() {
        return CheckId.VNET_DNS_SERVERS;
    }

    @Override
    public Set<CheckId> after() {
        return Set.of(CheckId.NODE_SUBNET);
    }

    @Override
    public Finding run(CheckContext context) {
        ClusterFacts c = context.facts().cluster();
        Map<String, VnetFacts> vnets = new LinkedHashMap<>();
        context.facts().nodeSubnets().forEach(ns -> vnets.putIfAbsent(ns.vnet().id(), ns.vnet()));
        DnsServerJudge judge = new DnsServerJudge(context.facts());
        List<Evidence> evidence = new ArrayList<>();
        List<String> custom = new ArrayList<>();
        List<DnsServerVerdict> deadVnet = new ArrayList<>();
        List<DnsServerVerdict> dead = new ArrayList<>();
        List<DnsServerVerdict> unverified = new ArrayList<>();
        for (VnetFacts v : vnets.values()) {
            if (v.dnsServers().isEmpty() || v.dnsServers().equals(List.of(AZURE_DNS))) {
                evidence.add(Evidence.of("VNet " + v.name() + " uses Azure DNS (" + AZURE_DNS + ")", v.id()));
                continue;
            }
            evidence.add(Evidence.of("VNet " + v.name() + " uses custom DNS servers " + String.join(", ",
                    v.dnsServers()), v.id()));
            custom.addAll(v.dnsServers());
            List<DnsServerVerdict> verdicts = v.dnsServers().stream().map(s -> judge.judge(v, s)).toList();
            verdicts.forEach(d -> evidence.add(Evidence.of(d.summary(), d.resourceId())));
            List<DnsServerVerdict> broken = verdicts.stream().filter(d -> d.standing() == Standing.BROKEN).toList();
            // The resolver falls back to the next server: one dead server among working ones slows, it does not fail.
            if (broken.size() == verdicts.size()) {
                deadVnet.addAll(broken);
            } else {
                dead.addAll(broken);
            }
            verdicts.stream().filter(d -> d.standing() == Standing.UNVERIFIED).forEach(unverified::add);
        }
        if (custom.isEmpty()) {
            return Findings.pass(id(), "The node VNet uses Azure DNS", evidence, Docs.AZURE_DNS);
        }
        if (!deadVnet.isEmpty()) {
            DnsServerVerdict first = deadVnet.get(0);
            return Findings.fail(id(), "The nodes' DNS server cannot answer: " + first.summary(), evidence,
                    deadVnet.stream().map(DnsServerVerdict::remedy).distinct().collect(Collectors.joining(" ")),
                    Docs.PROVISIONING_TIMEOUT, Findings.action(NextAction.RUN_NODE_PROBE));
        }
        String name = c.privateCluster() ? c.privateFqdn() : c.fqdn();
        String remedy = "The nodes resolve through " + String.join(", ", custom) + ": these servers must be reachable "
                + "and resolve " + name + " and the AKS endpoints"
                + (c.privateCluster() ? "; forward privatelink." + c.location() + ".azmk8s.io to " + AZURE_DNS
                        + " from a VNet linked to the zone." : ".");
        if (!dead.isEmpty()) {
            return Findings.warn(id(), "A custom DNS server of the nodes cannot answer: " + dead.get(0).summary(),
                    evidence, dead.get(0).remedy() + " " + remedy, Docs.PROVISIONING_TIMEOUT,
                    Findings.action(NextAction.RUN_NODE_PROBE));
        }
        if (unverified.isEmpty()) {
            return Findings.pass(id(), "The node VNet's custom DNS servers are Azure resolvers that answer ("
                    + String.join(", ", custom) + ")", evidence, Docs.AZURE_DNS);
        }
        return Findings.warn(id(), "The node VNet uses custom DNS servers " + String.join(", ", custom), evidence, remedy,
                Docs.PROVISIONING_TIMEOUT, Findings.action(NextAction.RUN_NODE_PROBE));
    }
}
