package dev.aksdoctor.reply;

import java.time.Instant;
import java.util.List;

/** A channel's digest, ready to render. */
public record Digest(Instant since, Instant now, List<String> healthy, List<Section> unhealthy,
                     List<ReportedFindingView> resolved, List<DigestFinding> current) {

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
