package dev.aksdoctor.check;

import dev.aksdoctor.azure.ClusterFacts;
import dev.aksdoctor.diagnosis.CheckId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Finds the node subnets (BYO {@code vnetSubnetID} or the managed VNet) and reports their CIDRs. */
@ApplicationScoped
public class NodeSubnetCheck implements Check {

    @Override
    public CheckId id() {
        return CheckId.NODE_SUBNET;
    }

    @Override
    public Finding run(CheckContext context) {
        ClusterFacts c = context.facts().cluster();
        List<NodeSubnet> subnets = context.facts().nodeSubnets();
        if (subnets.isEmpty()) {
            return Findings.warn(id(), "No node subnet found", List.of(Evidence.of("no pool has a vnetSubnetID and no "
                    + "aks-vnet-* exists in " + c.nodeResourceGroup(), c.id())),
                    "Network checks need the node subnet; check the cluster's pools in the portal.", Docs.FAILED_STATE);
        }
        List<Evidence> evidence = new ArrayList<>();
        for (NodeSubnet ns : subnets) {
            evidence.add(Evidence.of((ns.managedVnet() ? "managed VNet " : "BYO VNet ") + ns.vnet().name() + ", subnet "
                    + ns.subnet().name() + " " + String.join(", ", ns.subnet().addressPrefixes()) + " (pools "
                    + String.join(", ", ns.pools()) + ")", ns.subnet().id()));
        }
        return Findings.pass(id(), "Node subnet" + (subnets.size() > 1 ? "s" : "") + ": " + String.join(", ",
                subnets.stream().map(s -> s.subnet().name() + " " + String.join(",", s.subnet().addressPrefixes()))
                        .toList()), evidence, Docs.API_SERVER_CONN_FAIL);
    }
}
