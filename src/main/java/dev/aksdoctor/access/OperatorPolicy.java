package dev.aksdoctor.access;

import dev.aksdoctor.diagnosis.ClusterRef;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** The operator rules, parsed: who may run write actions on a given cluster. Pure; no Slack calls. */
public final class OperatorPolicy {

    private static final Pattern USER = Pattern.compile("[UW][A-Z0-9]{2,30}");
    private static final Pattern GROUP = Pattern.compile("S[A-Z0-9]{2,30}");

    /** One valid rule. */
    public record Rule(String name, Scope scope, Set<String> users, Set<String> groups) {
        public Rule {
            Objects.requireNonNull(scope, "scope");
            users = Set.copyOf(users);
            groups = Set.copyOf(groups);
        }
    }

    /** Who may act on one cluster: named users, and members of named user groups. */
    public record Operators(List<String> users, List<String> groups) {
        public Operators {
            users = List.copyOf(users);
            groups = List.copyOf(groups);
        }

        public boolean none() {
            return users.isEmpty() && groups.isEmpty();
        }
    }

    private final List<Rule> rules;
    private final List<String> problems;

    private OperatorPolicy(List<Rule> rules, List<String> problems) {
        this.rules = List.copyOf(rules);
        this.problems = List.copyOf(problems);
    }

    /**
     * Keeps the valid rules and lists what was wrong with the others (an invalid rule grants nothing; the
     * service refuses to start while there are problems, see {@link AccessRules}).
     */
    public static OperatorPolicy of(java.util.Map<String, AccessConfig.OperatorRule> config) {
        List<Rule> rules = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        config.forEach((name, rule) -> {
            var scope = Scope.parse(rule.scope());
            if (scope.isEmpty()) {
                problems.add("operator rule '" + name + "': scope must be /, /subscriptions/<id> or "
                        + "/subscriptions/<id>/resourceGroups/<name>");
                return;
            }
            Set<String> users = new LinkedHashSet<>();
            for (String u : rule.users().orElse(List.of())) {
                if (USER.matcher(u.strip()).matches()) {
                    users.add(u.strip());
                } else {
                    problems.add("operator rule '" + name + "': '" + u.strip() + "' is not a Slack user id (U…/W…)");
                }
            }
            Set<String> groups = new LinkedHashSet<>();
            for (String g : rule.groups().orElse(List.of())) {
                if (GROUP.matcher(g.strip()).matches()) {
                    groups.add(g.strip());
                } else {
                    problems.add("operator rule '" + name + "': '" + g.strip() + "' is not a Slack user group id (S…)");
                }
            }
            rules.add(new Rule(name, scope.get(), users, groups));
        });
        return new OperatorPolicy(rules, problems);
    }

    public static OperatorPolicy of(List<Rule> rules) {
        return new OperatorPolicy(rules, List.of());
    }

    /** Everyone who may act on {@code cluster}, in configuration order. */
    public Operators operatorsOf(ClusterRef cluster) {
        Set<String> users = new LinkedHashSet<>();
        Set<String> groups = new LinkedHashSet<>();
        for (Rule rule : rules) {
            if (rule.scope().contains(cluster)) {
                rule.users().stream().sorted().forEach(users::add);
                rule.groups().stream().sorted().forEach(groups::add);
            }
        }
        return new Operators(new ArrayList<>(users), new ArrayList<>(groups));
    }

    public List<Rule> rules() {
        return rules;
    }

    public List<String> problems() {
        return problems;
    }
}
