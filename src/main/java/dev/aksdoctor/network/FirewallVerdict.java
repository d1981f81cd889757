package dev.aksdoctor.network;

import java.util.List;

/**
 * The outcome for one endpoint. {@code collection} and {@code rule} name what decided (null for
 * {@link FirewallDecision#NO_RULE}, and for {@link FirewallDecision#UNDECIDED} the first rule that could not be
 * decided). {@code tlsInspected}: the allowing rule terminates TLS on a Premium policy with TLS inspection, so
 * the node sees the firewall's certificate instead of the endpoint's.
 */
public record FirewallVerdict(
        RequiredEndpoint endpoint,
        FirewallDecision decision,
        FirewallRuleCollection collection,
        FirewallRule rule,
        boolean tlsInspected,
        String explanation,
        List<String> notes) {

    public FirewallVerdict {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** Blocked for certain: a Deny rule, or no rule allows it. */
    public boolean blocked() {
        return decision == FirewallDecision.DENIED || decision == FirewallDecision.NO_RULE;
    }
}
