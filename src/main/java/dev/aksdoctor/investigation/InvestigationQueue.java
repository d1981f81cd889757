package dev.aksdoctor.investigation;

import dev.aksdoctor.jobs.DurableScheduler;
import dev.aksdoctor.slack.AckPriority;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Queues investigations as durable jobs: the job carries only the investigation id, and the worker re-reads
 * the stored (redacted) paste, so a restart or another replica can run it. Concurrency is the job threads'
 * count. A response_url is a capability and is never stored: it is kept in memory on the replica that
 * received the command, for telling the requester privately when the bot cannot post.
 *
 * <p>The ack stores only the row. The job store's insert (clustered, serialised by Quartz's row lock) happens
 * after Slack has its ack, on one hand-off thread that waits for a lull in Slack traffic and then queues
 * everything received meanwhile in one transaction. A row whose job was never created (the replica stopped
 * in between) is re-queued by the stuck-investigation sweep.
 */
@Startup
@ApplicationScoped
public class InvestigationQueue {

    private static final Logger LOG = Logger.getLogger(InvestigationQueue.class);
    static final String GROUP = "investigation";
    static final String ID = "investigationId";
    private static final int REMEMBERED_RESPONSE_URLS = 2_000;
    /** Ids are cheap to hold; past this many the service is overloaded and says so instead of queuing. */
    static final int HAND_OFF_CAPACITY = 100_000;
    static final int HAND_OFF_BATCH = 500;

    private final DurableScheduler scheduler;
    private final AckPriority ackPriority;
    private final Map<Long, String> responseUrls = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
            return size() > REMEMBERED_RESPONSE_URLS;
        }
    });
    private final BlockingQueue<Long> handOff;
    private final AtomicLong refused = new AtomicLong();
    private final Thread handOffThread = new Thread(this::handOffLoop, "investigation-hand-off");
    private volatile boolean stopping;

    @Inject
    public InvestigationQueue(DurableScheduler scheduler, InvestigationStore store, MeterRegistry meters,
                              AckPriority ackPriority) {
        this(scheduler, store, meters, ackPriority, HAND_OFF_CAPACITY);
    }

    InvestigationQueue(DurableScheduler scheduler, InvestigationStore store, MeterRegistry meters,
                       AckPriority ackPriority, int handOffCapacity) {
        this.scheduler = scheduler;
        this.ackPriority = ackPriority;
        this.handOff = new ArrayBlockingQueue<>(handOffCapacity);
        // Strong reference: the store is a CDI proxy nothing else holds on to, and a weak gauge would read NaN.
        Gauge.builder("aksdoctor.investigations.queued", store, InvestigationQueue::queuedOrNaN)
                .description("Investigations waiting for a worker, across replicas")
                .strongReference(true)
                .register(meters);
    }

    /** A scrape while the database does not answer reads "unknown" (NaN), not a WARN from the metrics library. */
    private static double queuedOrNaN(InvestigationStore store) {
        try {
            return store.count(InvestigationStatus.QUEUED);
        } catch (RuntimeException databaseNotAnswering) {
            return Double.NaN;
        }
    }

    @PostConstruct
    void startHandOff() {
        handOffThread.setDaemon(true);
        handOffThread.start();
    }

    /**
     * Accepts the job for queuing after the ack; false when the hand-off backlog is full, so the caller can
     * tell the user to retry. While this replica stops, a paste is accepted and left stored for the sweep.
     */
    public boolean submit(InvestigationJob job) {
        if (stopping) {
            LOG.debugf("Stopping: investigation %d stays stored for the sweep to queue", job.investigationId());
            return true;
        }
        if (job.responseUrl() != null) {
            responseUrls.put(job.investigationId(), job.responseUrl());
        }
        if (handOff.offer(job.investigationId())) {
            return true;
        }
        // One line per thousand refusals: an overload must not also flood the log.
        if (refused.getAndIncrement() % 1_000 == 0) {
            LOG.warnf("Hand-off backlog full (%d waiting): refused %s and will refuse new pastes until it drains",
                    handOff.size(), job);
        }
        responseUrls.remove(job.investigationId());
        return false;
    }

    private void handOffLoop() {
        List<Long> batch = new ArrayList<>(HAND_OFF_BATCH);
        while (!stopping) {
            try {
                Long first = handOff.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                ackPriority.yieldToAcks();
                batch.add(first);
                handOff.drainTo(batch, HAND_OFF_BATCH - 1);
                List<String> names = batch.stream().map(String::valueOf).toList();
                if (!scheduler.enqueueAll(GROUP, names, RunQueuedInvestigation.class, name -> Map.of(ID, name))) {
                    LOG.warnf("Could not queue %d investigations yet; the sweep will retry", batch.size());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.errorf("Could not hand %d investigations to the job store (the sweep will retry): %s",
                        batch.size(), e.toString());
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * Runs before the job store shuts down (a lower priority observes first), so the batch under way still
     * reaches it. Ids not handed off yet stay as stored rows, which the stuck-investigation sweep re-queues on
     * whichever replica runs next.
     */
    void stop(@Observes @Priority(Interceptor.Priority.APPLICATION) ShutdownEvent event) {
        stopping = true;
        try {
            handOffThread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!handOff.isEmpty()) {
            LOG.infof("Stopping: %d stored investigations were not queued yet; the sweep will queue them", handOff.size());
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
