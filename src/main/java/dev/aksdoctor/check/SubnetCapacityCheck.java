package dev.aksdoctor.check;

import dev.aksdoctor.diagnosis.CheckId;
import dev.aksdoctor.azure.AgentPoolFacts;
import dev.aksdoctor.azure.ClusterFacts;
import dev.aksdoctor.network.AddressRanges;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Free addresses in each node subnet against what one more node needs (SubnetIsFull /
 * InsufficientSubnetSize): with Azure CNI every node takes {@code maxPods + 1} addresses, with kubenet one.
 */
@ApplicationScoped
public class SubnetCapacityCheck implements Check {

    @Override
    public CheckId id() {
        return CheckId.SUBNET_CAPACITY;
    }

    @Override
    public Set<CheckId> after() {
        return Set.of(CheckId.NODE_SUBNET);
    }

    @Override
    public Finding run(CheckContext context) {
        ClusterFacts c = context.facts().cluster();
        List<Evidence> evidence = new ArrayList<>();
        List<String> full = new ArrayList<>();
        for (NodeSubnet ns : context.facts().nodeSubnets()) {
            long usable = ns.subnet().addressPrefixes().stream().filter(p -> p.contains("."))
                    .mapToLong(AddressRanges::azureUsableAddresses).sum();
            if (usable <= 0) {
                continue;
            }
            long free = usable - ns.subnet().usedIpConfigurations();
            int perNode = ns.pools().stream().map(c::pool).flatMap(java.util.Optional::stream)
                    .mapToInt(p -> perNodeAddresses(c.networkPlugin(), p)).max().orElse(1);
            evidence.add(Evidence.of(ns.subnet().name() + " " + String.join(", ", ns.subnet().addressPrefixes()) + ": "
                    + free + " of " + usable + " usable addresses free; one more node needs " + perNode,
                    ns.subnet().id()));
            if (free < perNode) {
                full.add(ns.subnet().name());
            }
        }
        if (evidence.isEmpty()) {
            return Findings.skip(id(), "No IPv4 node subnet to measure", "The node subnet could not be measured.");
        }
        if (!full.isEmpty()) {
            return Findings.fail(id(), "Subnet " + String.join(", ", full) + " has no room for another node", evidence,
                    "Scaling, upgrading (surge nodes) and creating pools need free addresses: add a node pool on a "
                            + "larger subnet, or free addresses in this one.",
                    Docs.SUBNET_FULL);
        }
        return Findings.pass(id(), "The node subnets have free addresses", evidence, Docs.SUBNET_FULL);
    }

    private static int perNodeAddresses(String networkPlugin, AgentPoolFacts pool) {
        // Only flat Azure CNI gives pods addresses from the node subnet; kubenet and CNI overlay take one per node.
        boolean flatCni = networkPlugin != null && networkPlugin.toLowerCase(Locale.ROOT).equals("azure");
        return flatCni ? Math.max(pool.maxPods(), 0) + 1 : 1;
    }
}
