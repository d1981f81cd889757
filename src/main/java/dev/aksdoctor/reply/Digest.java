package dev.aksdoctor.reply;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A channel's digest, ready to render. {@code detectors} is there when the channel asked for the AKS detectors'
 * critical insights ({@code /aks-doctor digest detectors on}); they are AKS' own view, shown beside the findings
 * rather than among them (a finding is fingerprinted and marked new, still or resolved from digest to digest).
 */
public record Digest(Instant since, Instant now, List<String> healthy, List<Section> unhealthy,
                     List<ReportedFindingView> resolved, List<DigestFinding> current,
                     Optional<DigestDetectors> detectors) {

    public Digest {
        detectors = detectors == null ? Optional.empty() : detectors;
    }

    public Digest(Instant since, Instant now, List<String> healthy, List<Section> unhealthy,
                  List<ReportedFindingView> resolved, List<DigestFinding> current) {
        this(since, now, healthy, unhealthy, resolved, current, Optional.empty());
    }

    public Digest withDetectors(DigestDetectors d) {
        return new Digest(since, now, healthy, unhealthy, resolved, current, Optional.of(d));
    }

    public enum Mark { NEW, STILL }

    public enum Verdict { DEGRADED, FAILED }

    public record Marked(DigestFinding finding, Mark mark) {
    }

    public record Section(String clusterId, String displayName, Verdict verdict, List<Marked> findings,
                          List<String> changes) {
    }

    /** A previously reported problem that has cleared. */
    public record ReportedFindingView(String clusterId, String fingerprint, String summary) {
    }

    public long failed() {
        return unhealthy.stream().filter(s -> s.verdict() == Verdict.FAILED).count();
    }

    public long degraded() {
        return unhealthy.stream().filter(s -> s.verdict() == Verdict.DEGRADED).count();
    }
}
