package dev.aksdoctor.digest;

import dev.aksdoctor.azure.ArmException;
import dev.aksdoctor.check.AksDetectors;
import dev.aksdoctor.check.DetectorCategory;
import dev.aksdoctor.check.DetectorWindow;
import dev.aksdoctor.diagnosis.ClusterRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Runs the AKS detectors of every category for each watched cluster, clusters side by side (at most
 * {@code concurrency} at once) and all within one time box: started beside the digest's other reads, awaited when
 * the digest is built. Never fails the digest: a cluster whose detectors refused, failed or did not answer in time
 * is reported as such.
 */
public final class CollectDetectorInsights {

    private static final Logger LOG = Logger.getLogger(CollectDetectorInsights.class);
    private static final List<DetectorCategory> ALL = List.of(DetectorCategory.values());

    private final AksDetectors detectors;
    private final int concurrency;
    private final Duration timeout;

    public CollectDetectorInsights(AksDetectors detectors, int concurrency, Duration timeout) {
        this.detectors = detectors;
        this.concurrency = Math.max(1, concurrency);
        this.timeout = timeout;
    }

    /** The runs in flight; {@link Running#results()} waits for them until the time box ends. */
    public final class Running {

        private final List<ClusterRef> clusters;
        private final List<Future<ClusterDetectors>> runs;
        private final ExecutorService pool;
        private final long deadline;

        private Running(List<ClusterRef> clusters, List<Future<ClusterDetectors>> runs, ExecutorService pool,
                long deadline) {
            this.clusters = clusters;
            this.runs = runs;
            this.pool = pool;
            this.deadline = deadline;
        }

        /** One entry per cluster, in the order given. Runs still going when the time box ends are stopped. */
        public List<ClusterDetectors> results() {
            List<ClusterDetectors> out = new ArrayList<>();
            try {
                for (int i = 0; i < runs.size(); i++) {
                    out.add(result(clusters.get(i), runs.get(i)));
                }
                return out;
            } finally {
                pool.shutdownNow();
            }
        }

        private ClusterDetectors result(ClusterRef cluster, Future<ClusterDetectors> run) {
            try {
                return run.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | CancellationException e) {
                run.cancel(true);
                return ClusterDetectors.timedOut(cluster);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                run.cancel(true);
                return ClusterDetectors.timedOut(cluster);
            } catch (ExecutionException e) {
                LOG.warnf(e.getCause(), "AKS detectors of %s failed", cluster.displayName());
                return ClusterDetectors.failed(cluster, new ArmException(ArmException.Kind.FAILED, 0, null,
                        String.valueOf(e.getCause()), null, null));
            }
        }
    }

    public Running start(List<ClusterRef> clusters, DetectorWindow window) {
        long deadline = System.nanoTime() + timeout.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, Math.max(1, clusters.size())), r -> {
            Thread t = new Thread(r, "digest-detectors");
            t.setDaemon(true);
            return t;
        });
        List<Future<ClusterDetectors>> runs = clusters.stream().map(c -> pool.submit(() -> run(c, window))).toList();
        return new Running(List.copyOf(clusters), runs, pool, deadline);
    }

    private ClusterDetectors run(ClusterRef cluster, DetectorWindow window) {
        try {
            return ClusterDetectors.read(cluster, detectors.run(cluster, ALL, window));
        } catch (ArmException e) {
            return ClusterDetectors.failed(cluster, e);
        }
    }
}
