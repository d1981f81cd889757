package dev.aksdoctor.network;

import java.util.List;

/**
 * Outcome of evaluating one NSG; {@code decidingRule} is the first rule by priority that matched.
 * {@code undecidedRules} names the rules ahead of it that could not be decided offline (a service tag or an
 * application security group whose addresses are not known here): when it is not empty, the verdict holds
 * only if those rules do not match the flow, and a check should say so rather than pass or fail outright.
 */
public record NsgVerdict(boolean allowed, NsgRule decidingRule, String explanation, List<String> undecidedRules) {

    public NsgVerdict {
        undecidedRules = undecidedRules == null ? List.of() : List.copyOf(undecidedRules);
    }

    /** True when a rule decided and no rule ahead of it was left undecided. */
    public boolean certain() {
        return decidingRule != null && undecidedRules.isEmpty();
    }
}
