package dev.aksdoctor.command;

import dev.aksdoctor.investigation.InvestigationJob;
import dev.aksdoctor.investigation.InvestigationQueue;
import dev.aksdoctor.investigation.InvestigationSource;
import dev.aksdoctor.investigation.InvestigationStatus;
import dev.aksdoctor.investigation.InvestigationStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.OptionalLong;

/** Records an investigation and queues it, answering in an existing thread (shortcut, mention, buttons). */
@ApplicationScoped
public class StartInvestigation {

    private final InvestigationStore store;
    private final InvestigationQueue queue;

    public StartInvestigation(InvestigationStore store, InvestigationQueue queue) {
        this.store = store;
        this.queue = queue;
    }

    /** The new investigation's id, or empty when the backlog is full. */
    public OptionalLong inThread(InvestigationSource source, String requester, String channel, String threadTs,
            String text, String responseUrl, boolean runNodeProbes) {
        long id = store.open(requester, channel, threadTs, source, text, runNodeProbes);
        boolean queued = queue.submit(new InvestigationJob(id, requester, channel, threadTs, text, responseUrl,
                runNodeProbes));
        if (!queued) {
            store.finish(id, InvestigationStatus.FAILED, "backlog full");
            return OptionalLong.empty();
        }
        return OptionalLong.of(id);
    }
}
