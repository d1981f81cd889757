package dev.aksdoctor.check;

import dev.aksdoctor.diagnosis.CheckId;
import dev.aksdoctor.azure.FirewallFacts;
import dev.aksdoctor.azure.RouteTableFacts;
import dev.aksdoctor.network.NextHopType;
import dev.aksdoctor.network.RouteDecision;
import dev.aksdoctor.network.RouteLookup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The firewall or NVA a node subnet routes through: found as an Azure Firewall, and its provisioning state. */
@ApplicationScoped
public class EgressApplianceCheck implements Check {

    @Override
    public CheckId id() {
        return CheckId.EGRESS_APPLIANCE;
    }

    @Override
    public Set<CheckId> after() {
        return Set.of(CheckId.NODE_SUBNET, CheckId.ROUTE_TABLE);
    }

    @Override
    public Finding run(CheckContext context) {
        String destination = context.facts().apiServerIp().orElse("0.0.0.0");
        Set<String> hops = new LinkedHashSet<>();
        List<Evidence> evidence = new ArrayList<>();
        for (NodeSubnet ns : context.facts().nodeSubnets()) {
            if (ns.subnet().routeTableId() == null) {
                continue;
            }
            RouteTableFacts rt = context.facts().routeTable(ns.subnet().routeTableId());
            RouteDecision d = RouteLookup.effectiveRoute(rt.routes(), ns.vnet().addressPrefixes(), destination);
            if (d.route() != null && d.route().nextHopType() == NextHopType.VIRTUAL_APPLIANCE
                    && d.route().nextHopIpAddress() != null) {
                hops.add(d.route().nextHopIpAddress());
                evidence.add(Evidence.of("route " + d.route().name() + " → appliance " + d.route().nextHopIpAddress(),
                        d.route().resourceId()));
            }
        }
        if (hops.isEmpty()) {
            return Findings.pass(id(), "No firewall or appliance on the path to the API server", evidence, Docs.EGRESS);
        }
        List<FirewallFacts> firewalls = context.facts().firewalls();
        for (String hop : hops) {
            FirewallFacts fw = firewalls.stream().filter(f -> f.privateIps().contains(hop)).findFirst().orElse(null);
            if (fw == null) {
                evidence.add(Evidence.of(hop + " is not an Azure Firewall in this subscription (an NVA, or a firewall "
                        + "elsewhere)"));
                return Findings.warn(id(), "Traffic goes through appliance " + hop + ", which AKS Doctor cannot inspect",
                        evidence, "Check that the appliance is up and allows TCP 443 to the API server FQDN and the "
                                + "required AKS endpoints, without TLS inspection.", Docs.EGRESS,
                        Findings.action(NextAction.RUN_NODE_PROBE));
            }
            evidence.add(Evidence.of("Azure Firewall " + fw.name() + " (" + hop + ") is " + fw.provisioningState(),
                    fw.id()));
            if (!"Succeeded".equalsIgnoreCase(fw.provisioningState())) {
                return Findings.fail(id(), "Azure Firewall " + fw.name() + " is " + fw.provisioningState(), evidence,
                        "The firewall that carries the nodes' egress is not healthy; fix its deployment.", Docs.EGRESS);
            }
        }
        // Healthy, and its rules are not read: not a finding against the cluster (a node test can still tell).
        evidence.add(Evidence.of("its rules must allow TCP 443 to the API server FQDN and the AKS required endpoints "
                + "(the AzureKubernetesService FQDN tag); AKS Doctor does not read firewall rules"));
        return new Finding(id(), Outcome.PASS, "Traffic goes through Azure Firewall; it is healthy", evidence, null,
                Docs.EGRESS, List.of(Findings.action(NextAction.RUN_NODE_PROBE)));
    }
}
