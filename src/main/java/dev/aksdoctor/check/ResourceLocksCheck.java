package dev.aksdoctor.check;

import dev.aksdoctor.azure.ArmException;
import dev.aksdoctor.azure.ClusterFacts;
import dev.aksdoctor.azure.LockFacts;
import dev.aksdoctor.diagnosis.CheckId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Locks that stop AKS (ScopeLocked): any lock on the node resource group (AKS creates, updates and deletes
 * resources there: a CanNotDelete lock fails scale-down and upgrades), and a ReadOnly lock on the cluster's own
 * resource group (every update of the cluster is a write). Each is named with its level and the scope it sits on.
 */
@ApplicationScoped
public class ResourceLocksCheck implements Check {

    @Override
    public CheckId id() {
        return CheckId.RESOURCE_LOCKS;
    }

    @Override
    public Finding run(CheckContext context) {
        ClusterFacts c = context.facts().cluster();
        Map<String, LockFacts> blocking = new LinkedHashMap<>();
        for (LockFacts l : context.facts().locks(c.nodeResourceGroup())) {
            blocking.putIfAbsent(l.id().toLowerCase(Locale.ROOT), l);
        }
        List<Evidence> evidence = new ArrayList<>();
        String clusterRg = context.cluster().resourceGroup();
        if (clusterRg != null && !clusterRg.equalsIgnoreCase(c.nodeResourceGroup())) {
            try {
                for (LockFacts l : context.facts().locks(clusterRg)) {
                    if ("ReadOnly".equalsIgnoreCase(l.level())) {
                        blocking.putIfAbsent(l.id().toLowerCase(Locale.ROOT), l);
                    } else {
                        evidence.add(Evidence.of("lock " + l.name() + " (" + l.level() + ") on " + scopeOf(l)
                                + " only stops deleting the cluster", l.id()));
                    }
                }
            } catch (ArmException e) {
                evidence.add(Evidence.of("locks of " + clusterRg + " could not be read: " + e.getMessage()));
            }
        }
        try {
            for (LockFacts l : context.facts().subscriptionLocks()) {
                if (scopeOf(l).startsWith("subscription ")) {
                    blocking.putIfAbsent(l.id().toLowerCase(Locale.ROOT), l);
                }
            }
        } catch (ArmException e) {
            evidence.add(Evidence.of("subscription locks could not be read: " + e.getMessage()));
        }
        // A ReadOnly lock on the VNet's or the route table's group stops AKS joining the subnet or writing routes.
        java.util.Set<String> groups = new java.util.LinkedHashSet<>();
        try {
            for (NodeSubnet ns : context.facts().nodeSubnets()) {
                groups.add(groupOf(ns.vnet().id()));
                if (ns.subnet().routeTableId() != null) {
                    groups.add(groupOf(ns.subnet().routeTableId()));
                }
            }
        } catch (ArmException e) {
            evidence.add(Evidence.of("the node subnets could not be read: " + e.getMessage()));
        }
        for (String group : groups) {
            String[] parts = group.split("/");
            if (parts.length < 2 || parts[1].equalsIgnoreCase(c.nodeResourceGroup())
                    || (parts[1].equalsIgnoreCase(clusterRg) && parts[0].equalsIgnoreCase(context.cluster().subscriptionId()))) {
                continue;
            }
            try {
                for (LockFacts l : context.facts().locks(parts[0], parts[1])) {
                    if ("ReadOnly".equalsIgnoreCase(l.level())) {
                        blocking.putIfAbsent(l.id().toLowerCase(Locale.ROOT), l);
                    } else {
                        evidence.add(Evidence.of("lock " + l.name() + " (" + l.level() + ") on " + scopeOf(l)
                                + " does not stop AKS using the network", l.id()));
                    }
                }
            } catch (ArmException e) {
                evidence.add(Evidence.of("locks of " + parts[1] + " could not be read: " + e.getMessage()));
            }
        }
        if (blocking.isEmpty()) {
            return Findings.pass(id(), "No lock blocks AKS on " + c.nodeResourceGroup(), evidence, Docs.LOCKS);
        }
        List<Evidence> named = new ArrayList<>();
        blocking.values().forEach(l -> named.add(Evidence.of("lock " + l.name() + " (" + l.level() + ") on "
                + scopeOf(l) + (l.notes() == null || l.notes().isBlank() ? "" : ": " + l.notes()), l.id())));
        named.addAll(evidence);
        LockFacts first = blocking.values().iterator().next();
        String title = (blocking.size() == 1 ? "Lock " + first.name() + " (" + first.level() + ") on " + scopeOf(first)
                : blocking.size() + " locks (" + first.name() + ", …) on " + scopeOf(first))
                + " blocks AKS";
        return Findings.fail(id(), title, named, "AKS must update and delete the node resources (scale-down, "
                + "upgrade, node repair) and join the node subnet and its route table: remove the lock, or move it off "
                + "the node resource group and the VNet's and route table's groups, then reconcile the cluster.", Docs.LOCKS, Findings.action(NextAction.RECONCILE_CLUSTER));
    }

    /** {@code <subscription>/<resource group>} of a resource id. */
    private static String groupOf(String resourceId) {
        String[] parts = resourceId.split("/");
        return parts.length > 4 ? parts[2] + "/" + parts[4] : "";
    }

    /** The scope a lock sits on, from its id: "resource group MC_…", "subscription …" or the resource. */
    static String scopeOf(LockFacts l) {
        String id = l.id() == null ? "" : l.id();
        int at = id.toLowerCase(Locale.ROOT).indexOf("/providers/microsoft.authorization/locks/");
        String scope = at < 0 ? id : id.substring(0, at);
        String[] parts = scope.split("/");
        if (parts.length == 3 && parts[1].equalsIgnoreCase("subscriptions")) {
            return "subscription " + parts[2];
        }
        if (parts.length == 5 && parts[3].equalsIgnoreCase("resourceGroups")) {
            return "resource group " + parts[4];
        }
        return parts.length >= 2 ? parts[parts.length - 2] + "/" + parts[parts.length - 1] : scope;
    }
}
