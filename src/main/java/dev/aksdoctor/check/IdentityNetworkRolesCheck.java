package dev.aksdoctor.check;

import dev.aksdoctor.azure.ArmException;
import dev.aksdoctor.azure.ClusterFacts;
import dev.aksdoctor.azure.RoleFacts;
import dev.aksdoctor.diagnosis.CheckId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code LinkedAuthorizationFailed}: the cluster identity must be allowed to join the BYO subnet and its route
 * table (and, with kubenet, to write the route table). Its role assignments there, with their role definitions'
 * actions, decide; the missing action is named with the assignment that would fix it.
 */
@ApplicationScoped
public class IdentityNetworkRolesCheck implements Check {

    static final String SUBNET_JOIN = "Microsoft.Network/virtualNetworks/subnets/join/action";
    static final String SUBNET_READ = "Microsoft.Network/virtualNetworks/subnets/read";
    static final String ROUTE_TABLE_JOIN = "Microsoft.Network/routeTables/join/action";
    static final String ROUTE_TABLE_WRITE = "Microsoft.Network/routeTables/write";

    @Override
    public CheckId id() {
        return CheckId.IDENTITY_NETWORK_ROLES;
    }

    @Override
    public Set<CheckId> after() {
        return Set.of(CheckId.NODE_SUBNET);
    }

    @Override
    public Finding run(CheckContext context) {
        ClusterFacts c = context.facts().cluster();
        String principal = c.identityPrincipalId();
        if (principal == null) {
            return Findings.skip(id(), "The cluster has no managed identity",
                    "A service principal cluster's object id is not in the cluster resource; check its roles on the "
                            + "subnet and route table by hand.");
        }
        Map<String, List<String>> required = new LinkedHashMap<>();
        for (NodeSubnet ns : context.facts().nodeSubnets()) {
            if (ns.managedVnet()) {
                continue;
            }
            required.put(ns.subnet().id(), List.of(SUBNET_JOIN, SUBNET_READ));
            if (ns.subnet().routeTableId() != null) {
                boolean kubenet = "kubenet".equalsIgnoreCase(c.networkPlugin());
                required.put(ns.subnet().routeTableId(), kubenet ? List.of(ROUTE_TABLE_JOIN, ROUTE_TABLE_WRITE)
                        : List.of(ROUTE_TABLE_JOIN));
            }
        }
        if (required.isEmpty()) {
            return Findings.pass(id(), "The node pools use the AKS-managed VNet: no linked permission is needed",
                    List.of(Evidence.of("no pool has vnetSubnetID", c.id())), Docs.CLUSTER_IDENTITY);
        }
        List<Evidence> evidence = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        String firstScope = null;
        for (Map.Entry<String, List<String>> target : required.entrySet()) {
            List<RoleFacts> roles;
            try {
                roles = context.facts().roleAssignments(target.getKey(), principal);
            } catch (ArmException e) {
                return Findings.skip(id(), "The cluster identity's roles could not be read", e.getMessage());
            }
            roles.forEach(r -> evidence.add(Evidence.of("cluster identity " + principal + " has role "
                    + r.roleName() + " at " + r.scope(), r.assignmentId())));
            for (String action : target.getValue()) {
                boolean granted = roles.stream().anyMatch(r -> matches(r.actions(), action)
                        && !matches(r.notActions(), action));
                if (!granted) {
                    missing.add(action + " on " + name(target.getKey()));
                    evidence.add(0, Evidence.of("no role of the cluster identity " + principal + " grants " + action
                            + " on " + target.getKey(), target.getKey()));
                    firstScope = firstScope == null ? target.getKey() : firstScope;
                }
            }
        }
        if (!missing.isEmpty()) {
            return Findings.fail(id(), "The cluster identity lacks " + String.join(", ", missing)
                    + " (LinkedAuthorizationFailed)", evidence,
                    "Assign Network Contributor (or a custom role with these actions) to the cluster identity: az role "
                            + "assignment create --assignee-object-id " + principal
                            + " --assignee-principal-type ServicePrincipal --role \"Network Contributor\" --scope "
                            + firstScope + "; then reconcile the cluster.", Docs.CLUSTER_IDENTITY,
                    Findings.action(NextAction.RECONCILE_CLUSTER));
        }
        return Findings.pass(id(), "The cluster identity may join the node subnet" + (required.size() > 1
                ? " and its route table" : ""), evidence, Docs.CLUSTER_IDENTITY);
    }

    /** Role actions use {@code *} as a wildcard, case-insensitively ({@code Microsoft.Network/*}, {@code *}). */
    static boolean matches(List<String> patterns, String action) {
        for (String p : patterns) {
            String regex = "(?i)" + Pattern.quote(p).replace("*", "\\E.*\\Q");
            if (action.matches(regex)) {
                return true;
            }
        }
        return false;
    }

    private static String name(String resourceId) {
        String[] parts = resourceId.split("/");
        return parts.length >= 2 ? parts[parts.length - 2].toLowerCase(Locale.ROOT).replace("virtualnetworks", "vnet")
                .replace("subnets", "subnet").replace("routetables", "route table") + " " + parts[parts.length - 1]
                : resourceId;
    }
}
