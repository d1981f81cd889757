package dev.aksdoctor.check;

import dev.aksdoctor.azure.AzureAccess;
import dev.aksdoctor.azure.ClusterLocation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of one investigation: where the cluster is (or why it could not be found), the findings in
 * the order they ran, the likely cause (the finding that explains the others, see {@link RootCause}) with
 * {@code why}: the symptoms it explains, nearest first (e.g. the failed operation, then the Failed cluster),
 * whether Azure was reachable at all, how many ARM fetches it took, and {@code detectors}: the "Run AKS detectors"
 * step when nothing found explains the failure ({@link DetectorOffer}).
 */
public record InvestigationReport(ClusterLocation location, List<Finding> findings, Optional<Finding> likelyCause,
        List<Finding> why, AzureAccess access, int armCalls, Optional<SuggestedAction> detectors) {
    public InvestigationReport {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(access, "access");
        findings = findings == null ? List.of() : List.copyOf(findings);
        likelyCause = likelyCause == null ? Optional.empty() : likelyCause;
        why = why == null ? List.of() : List.copyOf(why);
        detectors = detectors == null ? Optional.empty() : detectors;
        if (detectors.isPresent() && detectors.get().action() != NextAction.RUN_DETECTORS) {
            throw new IllegalArgumentException("detectors is the Run AKS detectors step");
        }
    }

    public InvestigationReport(ClusterLocation location, List<Finding> findings, Optional<Finding> likelyCause,
            List<Finding> why, AzureAccess access, int armCalls) {
        this(location, findings, likelyCause, why, access, armCalls, Optional.empty());
    }

    public InvestigationReport(ClusterLocation location, List<Finding> findings, Optional<Finding> likelyCause,
            AzureAccess access, int armCalls) {
        this(location, findings, likelyCause, List.of(), access, armCalls, Optional.empty());
    }
}
