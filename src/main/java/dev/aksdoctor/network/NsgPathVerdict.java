package dev.aksdoctor.network;

/**
 * Outcome of a flow through the subnet NSG and the NIC NSG. {@code denyingNsgId} and {@code denyingRule}
 * are null when the flow is allowed. A verdict is null for a layer without an NSG or not reached.
 */
public record NsgPathVerdict(
        boolean allowed,
        String denyingNsgId,
        NsgRule denyingRule,
        NsgVerdict subnetVerdict,
        NsgVerdict nicVerdict,
        String explanation) {

    /**
     * True when every NSG that was evaluated decided without skipping a rule it could not decide offline;
     * otherwise a check should warn rather than pass or fail outright.
     */
    public boolean certain() {
        return (subnetVerdict == null || subnetVerdict.certain()) && (nicVerdict == null || nicVerdict.certain());
    }
}
