package dev.aksdoctor.answer;

import dev.aksdoctor.investigation.Investigation;
import dev.aksdoctor.investigation.InvestigationQueue;
import dev.aksdoctor.investigation.InvestigationSettings;
import dev.aksdoctor.investigation.InvestigationStatus;
import dev.aksdoctor.investigation.InvestigationStore;
import dev.aksdoctor.jobs.DurableScheduler;
import dev.aksdoctor.reply.InvestigationNoticeRenderer;
import dev.aksdoctor.slack.SlackCallFailed;
import dev.aksdoctor.slack.SlackGateway;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.jboss.logging.Logger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.SchedulerException;

/**
 * Gives up investigations that stopped making progress (a check hung, Slack or ARM never answered, a job
 * lost to repeated crashes) and says so in their thread, once. Runs as a clustered cron job, so one replica
 * at a time sweeps.
 */
@ApplicationScoped
@DisallowConcurrentExecution
public class TimeOutStuckInvestigations implements Job {

    private static final Logger LOG = Logger.getLogger(TimeOutStuckInvestigations.class);
    public static final java.time.Duration ORPHAN_AFTER = java.time.Duration.ofMinutes(1);

    private final InvestigationStore store;
    private final SlackGateway slack;
    private final InvestigationSettings settings;
    private final Clock clock;

    private final InvestigationQueue queue;

    public TimeOutStuckInvestigations(InvestigationStore store, SlackGateway slack, InvestigationSettings settings,
                                      Clock clock, InvestigationQueue queue) {
        this.queue = queue;
        this.store = store;
        this.slack = slack;
        this.settings = settings;
        this.clock = clock;
    }

    void schedule(@Observes StartupEvent event, DurableScheduler scheduler) throws SchedulerException {
        scheduler.scheduleCron("maintenance", "investigation-timeouts", TimeOutStuckInvestigations.class, Map.of(),
                settings.sweepCron(), ZoneOffset.UTC);
    }

    @Override
    public void execute(JobExecutionContext context) {
        sweep();
    }

    /** Times out what is stuck and delivers every pending time-out notice; returns how many were delivered. */
    public int sweep() {
        Instant now = clock.instant();
        // The ack stores the row and hands the job to the scheduler after answering Slack; a replica that died
        // in between left a queued row without a job.
        for (long id : store.queuedBefore(now.minus(ORPHAN_AFTER))) {
            if (!queue.pending(id) && queue.resubmit(id)) {
                LOG.infof("Investigation %d was stored but never queued; queued it now", id);
            }
        }
        for (long id : store.stuck(now.minus(settings.timeout()), now.minus(settings.queuedTimeout()))) {
            if (store.claimFinal(id, InvestigationStatus.TIMED_OUT, "timed_out")) {
                LOG.warnf("Investigation %d timed out", id);
            }
        }
        int delivered = 0;
        for (long id : store.undeliveredTimeOuts()) {
            if (deliver(id)) {
                delivered++;
            }
        }
        return delivered;
    }

    private boolean deliver(long id) {
        Investigation row = store.find(id).orElse(null);
        if (row == null) {
            return false;
        }
        String text = InvestigationNoticeRenderer.timedOutText(id, settings.timeout());
        try {
            if (row.answerTs != null) {
                slack.updateMessage(row.channel, row.answerTs, text, InvestigationNoticeRenderer.timedOut(id, settings.timeout()));
            } else {
                slack.postMessage(row.channel, row.threadTs, row.threadTs == null ? "<@" + row.requester + "> " + text : text,
                        InvestigationNoticeRenderer.timedOut(id, settings.timeout()));
            }
            store.markDelivered(id);
            return true;
        } catch (SlackCallFailed e) {
            if (e.needsInvite()) {
                store.markDelivered(id);
            }
            LOG.warnf("Could not post the time-out notice of investigation %d: %s", id, e.error());
            return false;
        }
    }
}
