package dev.aksdoctor.investigation;

import dev.aksdoctor.slack.AckPriority;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** The durable job: loads the stored investigation by id and runs it. Safe to run again after a crash. */
@ApplicationScoped
public class RunQueuedInvestigation implements Job {

    private static final Logger LOG = Logger.getLogger(RunQueuedInvestigation.class);

    private final InvestigationStore store;
    private final InvestigationQueue queue;
    private final InvestigationRunner runner;
    private final AckPriority ackPriority;

    public RunQueuedInvestigation(InvestigationStore store, InvestigationQueue queue, InvestigationRunner runner,
                                  AckPriority ackPriority) {
        this.store = store;
        this.queue = queue;
        this.runner = runner;
        this.ackPriority = ackPriority;
    }

    @Override
    public void execute(JobExecutionContext context) {
        String raw = context.getMergedJobDataMap().getString(InvestigationQueue.ID);
        long id;
        try {
            id = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            LOG.errorf("Investigation job without a valid id (%s); dropped", raw);
            return;
        }
        ackPriority.yieldToAcks();
        if (context.isRecovering()) {
            LOG.infof("Resuming investigation %d after its replica stopped", id);
        }
        try {
            store.find(id).ifPresentOrElse(
                    row -> runner.run(InvestigationJob.fromRow(row, queue.responseUrl(id).orElse(null))),
                    () -> LOG.warnf("Investigation %d no longer exists; job dropped", id));
        } finally {
            queue.forget(id);
        }
    }
}
