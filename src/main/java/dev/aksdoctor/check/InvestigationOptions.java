package dev.aksdoctor.check;

import dev.aksdoctor.diagnosis.ClusterRef;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * How to run an investigation: node probes (VMSS run-command) only when a user asked for them, and only on a
 * cluster the asking channel may look at (a channel can be limited to some subscriptions or resource groups).
 */
public record InvestigationOptions(boolean runNodeProbes, Predicate<ClusterRef> clusterPermitted) {
    public static final InvestigationOptions DEFAULT = new InvestigationOptions(false, cluster -> true);
    public static final InvestigationOptions WITH_NODE_PROBES = new InvestigationOptions(true, cluster -> true);

    public InvestigationOptions {
        Objects.requireNonNull(clusterPermitted, "clusterPermitted");
    }

    public InvestigationOptions(boolean runNodeProbes) {
        this(runNodeProbes, cluster -> true);
    }
}
