package dev.aksdoctor.investigation;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs investigations off the request thread at a bounded concurrency, so Slack gets its ack at once and
 * a burst of pastes cannot exhaust ARM or Slack rate limits.
 */
@Startup
@ApplicationScoped
public class InvestigationQueue {

    private static final Logger LOG = Logger.getLogger(InvestigationQueue.class);

    private final ThreadPoolExecutor executor;
    private final RunInvestigation runner;

    public InvestigationQueue(RunInvestigation runner, MeterRegistry meters,
                              @ConfigProperty(name = "aks-doctor.investigations.concurrency", defaultValue = "4") int concurrency,
                              @ConfigProperty(name = "aks-doctor.investigations.backlog", defaultValue = "1000") int backlog) {
        this.runner = runner;
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(concurrency, concurrency, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(backlog), r -> {
                    Thread t = new Thread(r, "investigation-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        meters.gauge("aksdoctor.investigations.queued", executor, e -> e.getQueue().size());
    }

    /** Queues the job; false when the backlog is full, so the caller can tell the user to retry. */
    public boolean submit(InvestigationJob job) {
        try {
            executor.execute(() -> runner.run(job));
            return true;
        } catch (RejectedExecutionException e) {
            LOG.warnf("Investigation backlog full, refused %s", job);
            return false;
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
    }
}
