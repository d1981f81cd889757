package dev.aksdoctor.check;

import dev.aksdoctor.azure.DetectorFacts;
import dev.aksdoctor.azure.DetectorInsight;
import dev.aksdoctor.diagnosis.ClusterRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a run of one category's AKS detectors found.
 *
 * @param window   the time range the detectors looked at
 * @param ran      the detectors that answered, with their insights
 * @param notRun   one line per detector that failed (name: reason)
 */
public record DetectorReport(ClusterRef cluster, String clusterId, DetectorCategory category, DetectorWindow window,
        List<DetectorFacts> ran, List<String> notRun) {

    /** One Critical or Warning insight and the detector that raised it. */
    public record Raised(DetectorFacts detector, DetectorInsight insight) {
    }

    public DetectorReport {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(window, "window");
        ran = List.copyOf(ran);
        notRun = List.copyOf(notRun);
    }

    /** Critical insights first, then warnings, each in detector order. */
    public List<Raised> raised() {
        List<Raised> out = new ArrayList<>();
        ran.forEach(d -> d.insights().stream().filter(DetectorInsight::critical).forEach(i -> out.add(new Raised(d, i))));
        ran.forEach(d -> d.insights().stream().filter(DetectorInsight::warning).forEach(i -> out.add(new Raised(d, i))));
        return out;
    }
}
