package dev.aksdoctor.check;

import dev.aksdoctor.azure.AgentPoolFacts;
import dev.aksdoctor.azure.ClusterFacts;
import dev.aksdoctor.diagnosis.CheckId;
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
        long requiredByError = requiredByFailedOperation(context);
        List<Evidence> evidence = new ArrayList<>();
        List<String> full = new ArrayList<>();
        List<String> tight = new ArrayList<>();
        for (NodeSubnet ns : context.facts().nodeSubnets()) {
            long usable = ns.subnet().addressPrefixes().stream().filter(p -> p.contains("."))
                    .mapToLong(AddressRanges::azureUsableAddresses).sum();
            if (usable <= 0) {
                continue;
            }
            long used = ns.subnet().usedIpConfigurations();
            long free = usable - used;
            List<AgentPoolFacts> pools = ns.pools().stream().map(c::pool).flatMap(java.util.Optional::stream).toList();
            int perNode = pools.stream().mapToInt(p -> perNodeAddresses(c.networkPlugin(), p)).max().orElse(1);
            int nodes = pools.stream().mapToInt(AgentPoolFacts::count).sum();
            // AKS upgrades add surge nodes first: 10% of the pool by default (at least one), each with its addresses.
            long surgeNodes = pools.stream().mapToLong(p -> Math.max(1, (long) Math.ceil(p.count() * 0.10))).sum();
            long surgeNeed = surgeNodes * perNode;
            long need = Math.max(perNode, requiredByError);
            evidence.add(Evidence.of(ns.subnet().name() + " " + String.join(", ", ns.subnet().addressPrefixes())
                    + ": " + usable + " usable, " + used + " used, " + free + " free; " + nodes + " node(s) × " + perNode
                    + " address(es) each; one more node needs " + perNode + ", an upgrade surge of " + surgeNodes
                    + " node(s) needs " + surgeNeed + (requiredByError > 0 ? ", the failed operation asked for "
                            + requiredByError : ""), ns.subnet().id()));
            if (free < need) {
                full.add(ns.subnet().name() + " (" + free + " free, " + need + " needed)");
            } else if (free < surgeNeed) {
                tight.add(ns.subnet().name() + " (" + free + " free, an upgrade surge needs " + surgeNeed + ")");
            }
        }
        if (evidence.isEmpty()) {
            return Findings.skip(id(), "No IPv4 node subnet to measure", "The node subnet could not be measured.");
        }
        if (!full.isEmpty()) {
            return Findings.fail(id(), "Subnet " + String.join(", ", full) + " is full", evidence,
                    "Scaling, upgrading (surge nodes) and creating pools need free addresses: add a node pool on a "
                            + "larger subnet and move the workloads, or free addresses in this one, then reconcile "
                            + "the cluster.", Docs.SUBNET_FULL, Findings.action(NextAction.RECONCILE_CLUSTER));
        }
        if (!tight.isEmpty()) {
            return Findings.warn(id(), "Subnet " + String.join(", ", tight) + " has no room for an upgrade", evidence,
                    "An upgrade adds surge nodes before it removes old ones: free addresses, lower maxSurge, or move "
                            + "the pool to a larger subnet before upgrading.", Docs.SUBNET_FULL);
        }
        return Findings.pass(id(), "The node subnets have free addresses", evidence, Docs.SUBNET_FULL);
    }

    /** The address count a SubnetIsFull error asked for ("…does not have enough capacity for 31 IP addresses"). */
    private static long requiredByFailedOperation(CheckContext context) {
        java.util.regex.Pattern n = java.util.regex.Pattern.compile("capacity for (\\d+) IP address",
                java.util.regex.Pattern.CASE_INSENSITIVE);
        return ActivityLogFailuresCheck.failures(context).entrySet().stream()
                .filter(e -> e.getKey().toLowerCase(Locale.ROOT).contains("subnet"))
                .map(e -> e.getValue().get(0).error().message())
                .filter(java.util.Objects::nonNull)
                .map(n::matcher).filter(java.util.regex.Matcher::find)
                .map(m -> Long.parseLong(m.group(1))).findFirst().orElse(-1L);
    }

    private static int perNodeAddresses(String networkPlugin, AgentPoolFacts pool) {
        // Only flat Azure CNI gives pods addresses from the node subnet; kubenet and CNI overlay take one per node.
        boolean flatCni = networkPlugin != null && networkPlugin.toLowerCase(Locale.ROOT).equals("azure");
        return flatCni ? Math.max(pool.maxPods(), 0) + 1 : 1;
    }
}
