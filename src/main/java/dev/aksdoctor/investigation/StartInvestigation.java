package dev.aksdoctor.investigation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import org.jboss.logging.Logger;

/**
 * Records an investigation and queues it: the one way every entry point (slash command, shortcut, mention,
 * autodetect, buttons) starts one. A full backlog closes the stored row, so the sweep does not run it after the
 * user asked again; a database that does not answer is reported, not thrown (Slack never resends a slash command).
 */
@ApplicationScoped
public class StartInvestigation {

    private static final Logger LOG = Logger.getLogger(StartInvestigation.class);

    /** How a start ended. */
    public enum Started {
        QUEUED,
        /** Stored, then closed: the hand-off backlog is full. */
        BACKLOG_FULL,
        /** The database did not store it: nothing started. */
        NOT_STORED,
        /** The user or the channel started as many as allowed this minute: nothing started. */
        RATE_LIMITED;

        public boolean queued() {
            return this == QUEUED;
        }
    }

    private final InvestigationStore store;
    private final InvestigationQueue queue;
    private final InvestigationRateLimit rateLimit;

    /** Without a rate limit: for tests of the flow around it. */
    public StartInvestigation(InvestigationStore store, InvestigationQueue queue) {
        this(store, queue, InvestigationRateLimit.unlimited());
    }

    @Inject
    public StartInvestigation(InvestigationStore store, InvestigationQueue queue, InvestigationRateLimit rateLimit) {
        this.rateLimit = rateLimit;
        this.store = store;
        this.queue = queue;
    }

    /**
     * @param threadTs the thread to answer in, or null for a slash command (the job posts a root message)
     */
    public Started inThread(InvestigationSource source, String requester, String channel, String threadTs,
            String text, String responseUrl, boolean runNodeProbes) {
        long id;
        try {
            if (!rateLimit.allows(requester, channel)) {
                LOG.infof("Investigation from %s in %s refused: rate limit", requester, channel);
                return Started.RATE_LIMITED;
            }
            id = store.open(requester, channel, threadTs, source, text, runNodeProbes);
        } catch (PersistenceException e) {
            LOG.errorf("Could not store an investigation from %s in %s: %s", requester, channel, e.getMessage());
            return Started.NOT_STORED;
        }
        boolean queued = queue.submit(new InvestigationJob(id, requester, channel, threadTs, text, responseUrl,
                runNodeProbes));
        if (!queued) {
            // Closed, or the sweep would run it after all while the user asks again.
            store.finish(id, InvestigationStatus.FAILED, "backlog full");
            return Started.BACKLOG_FULL;
        }
        return Started.QUEUED;
    }
}
