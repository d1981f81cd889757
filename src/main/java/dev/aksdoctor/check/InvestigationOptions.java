package dev.aksdoctor.check;

/** How to run an investigation: node probes (VMSS run-command) only when a user asked for them. */
public record InvestigationOptions(boolean runNodeProbes) {
    public static final InvestigationOptions DEFAULT = new InvestigationOptions(false);
    public static final InvestigationOptions WITH_NODE_PROBES = new InvestigationOptions(true);
}
