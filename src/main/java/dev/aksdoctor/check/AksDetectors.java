package dev.aksdoctor.check;

import dev.aksdoctor.azure.ArmException;
import dev.aksdoctor.azure.ArmGateway;
import dev.aksdoctor.azure.DetectorFacts;
import dev.aksdoctor.diagnosis.ClusterRef;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the AKS detectors of one or more categories over a window: the cluster's detector list (once), each
 * category detector (which names its detectors), then those detectors side by side, each once however many
 * categories name it. A detector that fails is reported, not fatal; a failure to list, or a refused permission,
 * leaves as {@link ArmException}.
 */
@ApplicationScoped
public class AksDetectors {

    /** A category holds a dozen or so detectors; each run takes seconds, so a few at a time. */
    static final int MAX_DETECTORS = 16;
    private static final int PARALLEL = 4;

    private final ArmGateway arm;
    private final Clock clock;

    public AksDetectors(ArmGateway arm, Clock clock) {
        this.arm = arm;
        this.clock = clock;
    }

    /** One category over the last 24 hours. */
    public DetectorReport run(ClusterRef cluster, DetectorCategory category) {
        return run(cluster, category, DetectorWindow.lastDay(clock.instant()));
    }

    public DetectorReport run(ClusterRef cluster, DetectorCategory category, DetectorWindow window) {
        return run(cluster, List.of(category), window).get(0);
    }

    /** One report per category, in their order. Blocking; interrupting the caller stops the runs. */
    public List<DetectorReport> run(ClusterRef cluster, List<DetectorCategory> categories, DetectorWindow window) {
        List<DetectorFacts> listed = arm.detectors(cluster);
        Map<DetectorCategory, List<String>> names = new LinkedHashMap<>();
        Map<DetectorCategory, List<DetectorFacts>> ran = new LinkedHashMap<>();
        Map<DetectorCategory, List<String>> notRun = new LinkedHashMap<>();
        for (DetectorCategory category : categories) {
            names.put(category, new ArrayList<>());
            ran.put(category, new ArrayList<>());
            notRun.put(category, new ArrayList<>());
            Optional<DetectorFacts> categoryDetector = listed.stream()
                    .filter(d -> d.name().equalsIgnoreCase(category.detector())).findFirst();
            if (categoryDetector.isPresent()) {
                try {
                    DetectorFacts run = arm.detector(cluster, categoryDetector.get().name(), window.start(), window.end());
                    names.get(category).addAll(run.childDetectors());
                    if (run.childDetectors().isEmpty()) {
                        ran.get(category).add(run);
                    }
                } catch (ArmException e) {
                    if (e.kind() == ArmException.Kind.FORBIDDEN) {
                        throw e;
                    }
                    notRun.get(category).add(category.detector() + ": " + e.getMessage());
                }
            } else {
                // Without the category detector, the listed detectors whose metadata category matches.
                String word = category.parameter().replace('-', ' ').split(" ")[0];
                listed.stream().filter(d -> d.category() != null
                        && d.category().toLowerCase(Locale.ROOT).replace('-', ' ').contains(word))
                        .map(DetectorFacts::name).forEach(names.get(category)::add);
            }
        }
        Map<String, Future<Object>> runs = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL, r -> {
            Thread t = new Thread(r, "aks-detectors");
            t.setDaemon(true);
            return t;
        });
        try {
            for (DetectorCategory category : categories) {
                List<String> all = names.get(category).stream().distinct().toList();
                all.stream().limit(MAX_DETECTORS).forEach(name -> runs.computeIfAbsent(name.toLowerCase(Locale.ROOT),
                        n -> pool.submit(() -> runOne(cluster, name, window))));
                if (all.size() > MAX_DETECTORS) {
                    notRun.get(category).add((all.size() - MAX_DETECTORS) + " more detectors not run (limit "
                            + MAX_DETECTORS + ")");
                }
            }
            List<DetectorReport> reports = new ArrayList<>();
            for (DetectorCategory category : categories) {
                for (String name : names.get(category).stream().distinct().limit(MAX_DETECTORS).toList()) {
                    Object result = await(runs.get(name.toLowerCase(Locale.ROOT)), name);
                    if (result instanceof DetectorFacts) {
                        ran.get(category).add((DetectorFacts) result);
                    } else {
                        notRun.get(category).add((String) result);
                    }
                }
                reports.add(new DetectorReport(cluster, cluster.resourceId().orElse(null), category, window,
                        ran.get(category), notRun.get(category)));
            }
            return reports;
        } finally {
            pool.shutdownNow();
        }
    }

    private Object runOne(ClusterRef cluster, String name, DetectorWindow window) {
        try {
            return arm.detector(cluster, name, window.start(), window.end());
        } catch (ArmException e) {
            return name + ": " + e.getMessage();
        }
    }

    private static Object await(Future<Object> run, String name) {
        try {
            return run.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("AKS detectors interrupted while " + name + " ran");
        } catch (ExecutionException e) {
            return name + ": " + e.getCause();
        }
    }
}
