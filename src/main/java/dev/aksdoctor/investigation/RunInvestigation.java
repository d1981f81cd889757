package dev.aksdoctor.investigation;

import dev.aksdoctor.diagnosis.Diagnosis;
import dev.aksdoctor.diagnosis.PasteParser;
import dev.aksdoctor.reply.DiagnosisReplyRenderer;
import dev.aksdoctor.reply.InvestigationNoticeRenderer;
import dev.aksdoctor.slack.SlackCallFailed;
import dev.aksdoctor.slack.SlackGateway;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * One investigation, start to end: parse the paste, anchor a thread (a root message naming who asked, for
 * slash commands, which Slack cannot run in threads), answer in it, record the outcome.
 *
 * <p>Safe to run again for the same investigation (a job resumed after a crash or restart): the thread and
 * the answer message are recorded as soon as they exist and are reused, the final answer is always an
 * update of that one message, and nothing is posted once the answer is recorded as delivered.
 */
@ApplicationScoped
public class RunInvestigation {

    private static final Logger LOG = Logger.getLogger(RunInvestigation.class);

    private final PasteParser parser;
    private final SlackGateway slack;
    private final InvestigationStore store;
    private final MeterRegistry meters;

    public RunInvestigation(PasteParser parser, SlackGateway slack, InvestigationStore store, MeterRegistry meters) {
        this.parser = parser;
        this.slack = slack;
        this.store = store;
        this.meters = meters;
    }

    public void run(InvestigationJob job) {
        long id = job.investigationId();
        Investigation row = store.find(id).orElse(null);
        if (row == null || row.answeredAt != null
                || row.status == InvestigationStatus.FAILED || row.status == InvestigationStatus.TIMED_OUT) {
            return;
        }
        String outcome = "failed";
        try {
            Diagnosis diagnosis = parser.parse(job.text());
            store.markRunning(id, diagnosis.errorCode());
            String threadTs = row.threadTs != null ? row.threadTs : job.threadTs();
            if (threadTs == null) {
                threadTs = slack.postMessage(job.channel(), null,
                        DiagnosisReplyRenderer.rootText(job.requester(), diagnosis),
                        DiagnosisReplyRenderer.rootBlocks(job.requester(), diagnosis));
                store.attachThread(id, threadTs);
            }
            String answerTs = row.answerTs;
            if (answerTs == null) {
                answerTs = slack.postMessage(job.channel(), threadTs, InvestigationNoticeRenderer.investigatingText(),
                        InvestigationNoticeRenderer.investigating());
                store.attachAnswer(id, answerTs);
            }
            outcome = diagnosis.recognized() ? "recognised" : "unrecognised";
            if (!store.claimFinal(id, InvestigationStatus.ANSWERED, outcome)) {
                LOG.infof("Investigation %d was closed meanwhile (timed out); its answer is not posted", id);
                outcome = "timed_out";
                return;
            }
            slack.updateMessage(job.channel(), answerTs, DiagnosisReplyRenderer.fallbackText(diagnosis),
                    DiagnosisReplyRenderer.render(diagnosis));
            store.markDelivered(id);
        } catch (SlackCallFailed e) {
            store.finish(id, InvestigationStatus.FAILED, "failed");
            outcome = "failed";
            if (job.responseUrl() != null) {
                slack.respondEphemeral(job.responseUrl(), e.needsInvite()
                        ? "I can't post in this channel yet. Invite me with `/invite @AKS Doctor` and run the command again."
                        : "I couldn't post my answer (Slack said `" + e.error() + "`). Investigation #"
                                + id + " is recorded; please try again in a minute.");
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Investigation %d failed", id);
            store.finish(id, InvestigationStatus.FAILED, "failed");
            outcome = "failed";
            if (job.responseUrl() != null) {
                slack.respondEphemeral(job.responseUrl(), "Something went wrong while investigating (#"
                        + id + "). The error is logged for the operators.");
            }
        } finally {
            meters.counter("aksdoctor.investigations", "outcome", outcome).increment();
        }
    }
}
