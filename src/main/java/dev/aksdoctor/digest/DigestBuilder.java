package dev.aksdoctor.digest;

import dev.aksdoctor.reply.Digest;
import dev.aksdoctor.reply.DigestFinding;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Pure: facts and what was reported last time in, a digest out. */
public final class DigestBuilder {

    private final Clock clock;

    public DigestBuilder(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param previous fingerprint → the finding as last reported, for this channel
     */
    public Digest build(List<ClusterHealth> clusters, Map<String, Digest.ReportedFindingView> previous, Instant since,
                        ZoneId zone) {
        List<String> healthy = new ArrayList<>();
        List<Digest.Section> unhealthy = new ArrayList<>();
        List<DigestFinding> current = new ArrayList<>();
        for (ClusterHealth c : clusters) {
            List<DigestFinding> findings = HealthFindings.of(c, zone);
            if (findings.isEmpty()) {
                healthy.add(c.displayName());
                continue;
            }
            current.addAll(findings);
            List<Digest.Marked> marked = findings.stream().map(f -> new Digest.Marked(f,
                    previous.containsKey(f.fingerprint()) ? Digest.Mark.STILL : Digest.Mark.NEW)).toList();
            boolean failing = findings.stream().anyMatch(DigestFinding::failing);
            unhealthy.add(new Digest.Section(c.clusterId(), c.displayName(),
                    failing ? Digest.Verdict.FAILED : Digest.Verdict.DEGRADED, marked, HealthFindings.changes(c, zone)));
        }
        // Failed first, then the ones with something new, then by name: what needs eyes comes first.
        unhealthy.sort(Comparator.comparing((Digest.Section s) -> s.verdict() != Digest.Verdict.FAILED)
                .thenComparing(s -> s.findings().stream().noneMatch(m -> m.mark() == Digest.Mark.NEW))
                .thenComparing(Digest.Section::displayName));
        healthy.sort(Comparator.naturalOrder());
        Set<String> now = current.stream().map(DigestFinding::fingerprint).collect(Collectors.toSet());
        Set<String> watched = clusters.stream().map(ClusterHealth::clusterId).collect(Collectors.toSet());
        List<Digest.ReportedFindingView> resolved = previous.values().stream()
                .filter(p -> !now.contains(p.fingerprint()) && watched.contains(p.clusterId()))
                .sorted(Comparator.comparing(Digest.ReportedFindingView::summary)).toList();
        return new Digest(since, clock.instant(), healthy, unhealthy, resolved, current);
    }
}
