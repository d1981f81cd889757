package dev.aksdoctor.network;

/**
 * Azure Firewall processes DNAT rules, then network rules, then application rules, whatever their priorities:
 * a network rule that matches ends the evaluation before any application rule is looked at.
 */
public enum FirewallRuleKind {
    NAT,
    NETWORK,
    APPLICATION
}
