package dev.aksdoctor.check;

import dev.aksdoctor.azure.ArmException;
import dev.aksdoctor.azure.ArmGateway;
import dev.aksdoctor.azure.DetectorFacts;
import dev.aksdoctor.diagnosis.ClusterRef;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs the AKS detectors of one category over the last day: the cluster's detector list, the category detector
 * (which names its detectors), then those detectors side by side. A detector that fails is reported, not fatal;
 * a failure to list (e.g. a missing permission) leaves as {@link ArmException}.
 */
@ApplicationScoped
public class AksDetectors {

    /** AKS' "Diagnose and solve problems" opens on the last 24 hours too. */
    static final Duration WINDOW = Duration.ofHours(24);
    /** A category holds a dozen or so detectors; each run takes seconds, so a few at a time. */
    static final int MAX_DETECTORS = 16;
    private static final int PARALLEL = 4;

    private final ArmGateway arm;
    private final Clock clock;

    public AksDetectors(ArmGateway arm, Clock clock) {
        this.arm = arm;
        this.clock = clock;
    }

    public DetectorReport run(ClusterRef cluster, DetectorCategory category) {
        OffsetDateTime end = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime start = end.minus(WINDOW);
        List<DetectorFacts> listed = arm.detectors(cluster);
        List<String> names = new ArrayList<>();
        Optional<DetectorFacts> categoryDetector = listed.stream()
                .filter(d -> d.name().equalsIgnoreCase(category.detector())).findFirst();
        List<DetectorFacts> ran = new ArrayList<>();
        if (categoryDetector.isPresent()) {
            DetectorFacts run = arm.detector(cluster, categoryDetector.get().name(), start, end);
            names.addAll(run.childDetectors());
            if (run.childDetectors().isEmpty()) {
                ran.add(run);
            }
        } else {
            // Without the category detector, the listed detectors whose metadata category matches.
            String word = category.parameter().replace('-', ' ');
            listed.stream().filter(d -> d.category() != null
                    && d.category().toLowerCase(Locale.ROOT).replace('-', ' ').contains(word.split(" ")[0]))
                    .map(DetectorFacts::name).forEach(names::add);
        }
        List<String> notRun = new ArrayList<>();
        List<String> chosen = names.stream().distinct().limit(MAX_DETECTORS).toList();
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<CompletableFuture<Object>> runs = chosen.stream()
                    .map(name -> CompletableFuture.supplyAsync(() -> {
                        try {
                            return (Object) arm.detector(cluster, name, start, end);
                        } catch (ArmException e) {
                            return name + ": " + e.getMessage();
                        }
                    }, pool)).toList();
            for (CompletableFuture<Object> r : runs) {
                Object result = r.join();
                if (result instanceof DetectorFacts) {
                    ran.add((DetectorFacts) result);
                } else {
                    notRun.add((String) result);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        if (names.size() > chosen.size()) {
            notRun.add((names.size() - chosen.size()) + " more detectors not run (limit " + MAX_DETECTORS + ")");
        }
        return new DetectorReport(cluster, cluster.resourceId().orElse(null), category, start, end, ran, notRun);
    }
}
