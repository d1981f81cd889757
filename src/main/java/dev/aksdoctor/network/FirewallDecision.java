package dev.aksdoctor.network;

/** What the firewall does with one flow. */
public enum FirewallDecision {
    /** A rule with action Allow matched. */
    ALLOWED,
    /** A rule with action Deny matched. */
    DENIED,
    /** Every rule was checked and none matched: Azure Firewall denies by default. */
    NO_RULE,
    /** A rule ahead of any decision could not be decided offline (unknown IP group, partial source…). */
    UNDECIDED
}
