package dev.aksdoctor.azure;

import java.util.List;

/**
 * A DNS Private Resolver forwarding ruleset: the VNets linked to it (their Azure DNS queries follow its rules)
 * and its rules.
 */
public record ForwardingRulesetFacts(String id, String name, List<String> linkedVnetIds, List<Rule> rules) {

    /** {@code domainName} as ARM writes it, with the trailing dot; {@code targets} are IP addresses. */
    public record Rule(String name, String domainName, List<String> targets, boolean enabled) {
        public Rule {
            targets = targets == null ? List.of() : List.copyOf(targets);
        }
    }

    public ForwardingRulesetFacts {
        linkedVnetIds = linkedVnetIds == null ? List.of() : List.copyOf(linkedVnetIds);
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
