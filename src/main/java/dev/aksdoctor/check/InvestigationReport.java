package dev.aksdoctor.check;

import dev.aksdoctor.azure.AzureAccess;
import dev.aksdoctor.azure.ClusterLocation;
import dev.aksdoctor.diagnosis.CheckId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of one investigation: where the cluster is (or why it could not be found), the findings in
 * the order they ran, the likely cause (the finding that explains the others, see {@link RootCause}) with
 * {@code why}: the symptoms it explains, nearest first (e.g. the failed operation, then the Failed cluster),
 * whether Azure was reachable at all, and how many ARM fetches it took. {@code platform} holds, per finding, the
 * lines of the platform's own verdict (Network Watcher, see {@link PlatformConfirmation}) once it is known;
 * {@code facts} are the investigation's memoised reads, for that confirmation (empty when nothing was read).
 * {@code failureAt} is when the failure happened as far as the investigation knows — the newest failed operation it
 * read, else when the paste was investigated; empty when nothing was investigated. The "Run AKS detectors" step is
 * placed around it when nothing explains the failure ({@link DetectorOffer}).
 */
public record InvestigationReport(ClusterLocation location, List<Finding> findings, Optional<Finding> likelyCause,
        List<Finding> why, AzureAccess access, int armCalls, Map<CheckId, List<String>> platform,
        Optional<InvestigationFacts> facts, Optional<Instant> failureAt) {
    public InvestigationReport {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(access, "access");
        findings = findings == null ? List.of() : List.copyOf(findings);
        likelyCause = likelyCause == null ? Optional.empty() : likelyCause;
        why = why == null ? List.of() : List.copyOf(why);
        Map<CheckId, List<String>> lines = new LinkedHashMap<>();
        if (platform != null) {
            platform.forEach((id, l) -> lines.put(id, List.copyOf(l)));
        }
        platform = java.util.Collections.unmodifiableMap(lines);
        facts = facts == null ? Optional.empty() : facts;
        failureAt = failureAt == null ? Optional.empty() : failureAt;
    }

    public InvestigationReport(ClusterLocation location, List<Finding> findings, Optional<Finding> likelyCause,
            List<Finding> why, AzureAccess access, int armCalls) {
        this(location, findings, likelyCause, why, access, armCalls, Map.of(), Optional.empty(), Optional.empty());
    }

    public InvestigationReport(ClusterLocation location, List<Finding> findings, Optional<Finding> likelyCause,
            AzureAccess access, int armCalls) {
        this(location, findings, likelyCause, List.of(), access, armCalls);
    }

    /** The platform's lines under one finding (none until Network Watcher answered). */
    public List<String> platformLines(CheckId id) {
        return platform.getOrDefault(id, List.of());
    }
}
