package dev.aksdoctor.investigation;

import dev.aksdoctor.diagnosis.Diagnosis;
import dev.aksdoctor.diagnosis.PasteParser;
import dev.aksdoctor.reply.DiagnosisReplyRenderer;
import dev.aksdoctor.slack.SlackCallFailed;
import dev.aksdoctor.slack.SlackGateway;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * One investigation, start to end: parse the paste, anchor a thread (a root message naming who asked, for
 * slash commands, which Slack cannot run in threads), answer in it, record the outcome.
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
        String outcome = "failed";
        try {
            Diagnosis diagnosis = parser.parse(job.text());
            store.markRunning(job.investigationId(), diagnosis.errorCode());
            String threadTs = job.threadTs();
            if (threadTs == null) {
                threadTs = slack.postMessage(job.channel(), null,
                        DiagnosisReplyRenderer.rootText(job.requester(), diagnosis),
                        DiagnosisReplyRenderer.rootBlocks(job.requester(), diagnosis));
                store.attachThread(job.investigationId(), threadTs);
            }
            slack.postMessage(job.channel(), threadTs, DiagnosisReplyRenderer.fallbackText(diagnosis),
                    DiagnosisReplyRenderer.render(diagnosis));
            outcome = diagnosis.recognized() ? "recognised" : "unrecognised";
            store.finish(job.investigationId(), InvestigationStatus.ANSWERED, outcome);
        } catch (SlackCallFailed e) {
            store.finish(job.investigationId(), InvestigationStatus.FAILED, outcome);
            if (job.responseUrl() != null) {
                slack.respondEphemeral(job.responseUrl(), e.needsInvite()
                        ? "I can't post in this channel yet. Invite me with `/invite @AKS Doctor` and run the command again."
                        : "I couldn't post my answer (Slack said `" + e.error() + "`). Investigation #"
                                + job.investigationId() + " is recorded; please try again in a minute.");
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Investigation %d failed", job.investigationId());
            store.finish(job.investigationId(), InvestigationStatus.FAILED, outcome);
            if (job.responseUrl() != null) {
                slack.respondEphemeral(job.responseUrl(), "Something went wrong while investigating (#"
                        + job.investigationId() + "). The error is logged for the operators.");
            }
        } finally {
            meters.counter("aksdoctor.investigations", "outcome", outcome).increment();
        }
    }
}
