package dev.aksdoctor.network;

import java.util.List;
import java.util.Objects;

/**
 * A rule collection as the firewall sees it. Classic collections have no group ({@code groupName} null,
 * {@code groupPriority} 0). Policy collections carry their rule collection group and the policy that holds it;
 * {@code inherited} marks a collection of a parent ({@code basePolicy}) policy, whose groups Azure processes
 * before the child's whatever their priorities.
 *
 * @param sourceId the collection's resource id (classic) or its rule collection group's id (policy)
 */
public record FirewallRuleCollection(
        String name,
        String sourceId,
        String policyName,
        boolean inherited,
        String groupName,
        int groupPriority,
        int priority,
        FirewallAction action,
        FirewallRuleKind kind,
        List<FirewallRule> rules) {

    public FirewallRuleCollection {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(kind, "kind");
        rules = rules == null ? List.of() : rules.stream().filter(Objects::nonNull).toList();
    }

    /** {@code collection 'aks' (priority 200) in group 'DefaultApplicationRuleCollectionGroup' (priority 300) of policy 'hub' (parent)}. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(kind == FirewallRuleKind.APPLICATION ? "application" : kind == FirewallRuleKind.NETWORK ? "network" : "DNAT")
                .append(" rule collection '").append(name).append("' (priority ").append(priority).append(", ")
                .append(action.name().toLowerCase(java.util.Locale.ROOT)).append(')');
        if (groupName != null) {
            sb.append(" in rule collection group '").append(groupName).append("' (priority ").append(groupPriority)
                    .append(')');
        }
        if (policyName != null) {
            sb.append(" of ").append(inherited ? "parent policy '" : "policy '").append(policyName).append('\'');
        }
        return sb.toString();
    }
}
