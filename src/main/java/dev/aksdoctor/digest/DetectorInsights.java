package dev.aksdoctor.digest;

import dev.aksdoctor.azure.ArmException;
import dev.aksdoctor.check.DetectorReport;
import dev.aksdoctor.check.DetectorWindow;
import dev.aksdoctor.reply.DigestDetectors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Pure: the detectors' runs of a digest in, its AKS detectors part out. Only Critical insights (a digest is read
 * by the whole channel; warnings stay behind the "Run AKS detectors" button), each once however many categories
 * ran its detector; a cluster whose detectors could not be read keeps one line saying why.
 */
public final class DetectorInsights {

    /** The permission the detectors need, named when ARM's refusal does not say which. */
    static final String PERMISSION = "Microsoft.ContainerService/managedClusters/detectors/read";

    private DetectorInsights() {
    }

    public static DigestDetectors of(List<ClusterDetectors> runs, DetectorWindow window, Duration timeout) {
        List<DigestDetectors.Cluster> clusters = new ArrayList<>();
        for (ClusterDetectors run : runs) {
            String id = run.cluster().resourceId().orElseThrow();
            String name = run.cluster().displayName();
            if (run.timedOut()) {
                clusters.add(new DigestDetectors.Cluster(id, name, List.of(), DigestDetectors.Unread.TIMED_OUT,
                        Long.toString(timeout.toSeconds())));
            } else if (run.failure() != null) {
                ArmException e = run.failure();
                clusters.add(e.kind() == ArmException.Kind.FORBIDDEN
                        ? new DigestDetectors.Cluster(id, name, List.of(), DigestDetectors.Unread.FORBIDDEN,
                                e.permission().orElse(PERMISSION))
                        : new DigestDetectors.Cluster(id, name, List.of(), DigestDetectors.Unread.FAILED, e.getMessage()));
            } else {
                clusters.add(new DigestDetectors.Cluster(id, name, critical(run.reports()), null, null));
            }
        }
        // What needs eyes first: critical insights, then what could not be read, then the quiet ones; by name within.
        clusters.sort(Comparator.comparing((DigestDetectors.Cluster c) -> c.critical().isEmpty())
                .thenComparing(c -> c.unread() == null)
                .thenComparing(DigestDetectors.Cluster::displayName));
        return new DigestDetectors(window.start(), window.end(), clusters);
    }

    static List<DigestDetectors.Insight> critical(List<DetectorReport> reports) {
        Set<String> seen = new LinkedHashSet<>();
        List<DigestDetectors.Insight> out = new ArrayList<>();
        for (DetectorReport r : reports) {
            for (DetectorReport.Raised x : r.raised()) {
                if (x.insight().critical() && seen.add(x.detector().name().toLowerCase(Locale.ROOT) + "|"
                        + x.insight().message())) {
                    out.add(new DigestDetectors.Insight(x.detector().displayName(), x.insight().message(),
                            x.insight().detail()));
                }
            }
        }
        return out;
    }
}
