package dev.aksdoctor.investigation;

import dev.aksdoctor.jobs.DurableScheduler;
import dev.aksdoctor.slack.AckPriority;
import io.micrometer.core.instrument.Gauge;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Queues investigations as durable jobs: the job carries only the investigation id, and the worker re-reads
 * the stored (redacted) paste, so a restart or another replica can run it. Concurrency is the job threads'
 * count. A response_url is a capability and is never stored: it is kept in memory on the replica that
 * received the command, for telling the requester privately when the bot cannot post.
 */
@Startup
@ApplicationScoped
public class InvestigationQueue {

    private static final Logger LOG = Logger.getLogger(InvestigationQueue.class);
    static final String GROUP = "investigation";
    static final String ID = "investigationId";
    private static final int REMEMBERED_RESPONSE_URLS = 2_000;

    private final DurableScheduler scheduler;
    private final AckPriority ackPriority;
    private final Map<Long, String> responseUrls = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
            return size() > REMEMBERED_RESPONSE_URLS;
        }
    });

    private volatile boolean stopping;
    private final AtomicInteger leftForSweep = new AtomicInteger();
    private final AtomicLong refused = new AtomicLong();
    private final ThreadPoolExecutor handOff = new ThreadPoolExecutor(2, 2, 60, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(10_000), r -> {
                Thread t = new Thread(r, "investigation-hand-off");
                t.setDaemon(true);
                return t;
            });

    public InvestigationQueue(DurableScheduler scheduler, InvestigationStore store, MeterRegistry meters,
                              AckPriority ackPriority) {
        this.scheduler = scheduler;
        this.ackPriority = ackPriority;
        // Strong reference: the store is a CDI proxy nothing else holds on to, and a weak gauge would read NaN.
        Gauge.builder("aksdoctor.investigations.queued", store, s -> s.count(InvestigationStatus.QUEUED))
                .description("Investigations waiting for a worker, across replicas")
                .strongReference(true)
                .register(meters);
    }

    /**
     * Accepts the job; false when even the hand-off backlog is full, so the caller can tell the user to retry.
     * The row is already stored: the job store's insert (clustered, serialised by Quartz's row lock) runs after
     * Slack has its ack, and a row whose job was never created is re-queued by the stuck-investigation sweep.
     */
    public boolean submit(InvestigationJob job) {
        if (job.responseUrl() != null) {
            responseUrls.put(job.investigationId(), job.responseUrl());
        }
        try {
            handOff.execute(() -> {
                if (stopping) {
                    leftForSweep.incrementAndGet();
                    return;
                }
                ackPriority.yieldToAcks();
                if (!resubmit(job.investigationId())) {
                    LOG.warnf("Could not queue %s yet; the sweep will retry", job);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            // One line per thousand refusals: an overload must not also flood the log.
            if (refused.getAndIncrement() % 1_000 == 0) {
                LOG.warnf("Hand-off backlog full (%d waiting): refused %s and will refuse new pastes until it drains",
                        handOff.getQueue().size(), job);
            }
            responseUrls.remove(job.investigationId());
            return false;
        }
    }

    @PreDestroy
    void stop() {
        // The job store may already be closing: hand-offs not yet started stay as stored rows, which the
        // stuck-investigation sweep re-queues on whichever replica runs next.
        stopping = true;
        handOff.shutdown();
        try {
            handOff.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (leftForSweep.get() > 0) {
            LOG.infof("Stopping: %d stored investigations were not queued yet; the sweep will queue them", leftForSweep.get());
        }
    }

    /** Queues an investigation that is already stored (a re-run, or one found unqueued). */
    public boolean resubmit(long investigationId) {
        return scheduler.enqueue(GROUP, Long.toString(investigationId), RunQueuedInvestigation.class,
                Map.of(ID, Long.toString(investigationId)));
    }

    /** Whether the investigation's job is still queued or running on some replica. */
    public boolean pending(long investigationId) {
        return scheduler.exists(GROUP, Long.toString(investigationId));
    }

    /** The response_url of an investigation received by this replica, while remembered. */
    Optional<String> responseUrl(long investigationId) {
        return Optional.ofNullable(responseUrls.get(investigationId));
    }

    void forget(long investigationId) {
        responseUrls.remove(investigationId);
    }
}
