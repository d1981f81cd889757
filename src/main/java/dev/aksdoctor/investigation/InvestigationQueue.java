package dev.aksdoctor.investigation;

import dev.aksdoctor.jobs.DurableScheduler;
import io.micrometer.core.instrument.Gauge;
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
@ApplicationScoped
@Startup
public class InvestigationQueue {

    private static final Logger LOG = Logger.getLogger(InvestigationQueue.class);
    static final String GROUP = "investigation";
    static final String ID = "investigationId";
    private static final int REMEMBERED_RESPONSE_URLS = 2_000;

    private final DurableScheduler scheduler;
    private final Map<Long, String> responseUrls = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
            return size() > REMEMBERED_RESPONSE_URLS;
        }
    });

    public InvestigationQueue(DurableScheduler scheduler, InvestigationStore store, MeterRegistry meters) {
        this.scheduler = scheduler;
        // Created at startup so the queue depth is scraped from boot (0, not absent); a strong reference because
        // Micrometer otherwise holds the store weakly and the gauge turns NaN once it is collected.
        Gauge.builder("aksdoctor.investigations.queued", store, s -> s.count(InvestigationStatus.QUEUED))
                .description("Investigations waiting for a job thread")
                .strongReference(true)
                .register(meters);
    }

    /** Queues the job; false when the job store refused it, so the caller can tell the user to retry. */
    public boolean submit(InvestigationJob job) {
        if (job.responseUrl() != null) {
            responseUrls.put(job.investigationId(), job.responseUrl());
        }
        boolean queued = scheduler.enqueue(GROUP, Long.toString(job.investigationId()), RunQueuedInvestigation.class,
                Map.of(ID, Long.toString(job.investigationId())));
        if (!queued) {
            LOG.warnf("Could not queue %s", job);
            responseUrls.remove(job.investigationId());
        }
        return queued;
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
