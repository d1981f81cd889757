package dev.aksdoctor.investigation;

import dev.aksdoctor.access.ChannelScopes;
import dev.aksdoctor.channel.ChannelSettings;
import dev.aksdoctor.check.InvestigationOptions;
import dev.aksdoctor.check.InvestigationReport;
import dev.aksdoctor.check.Investigator;
import dev.aksdoctor.check.Playbook;
import dev.aksdoctor.diagnosis.Diagnosis;
import dev.aksdoctor.diagnosis.PasteParser;
import dev.aksdoctor.reply.DiagnosisReplyRenderer;
import dev.aksdoctor.reply.InvestigationReplyRenderer;
import dev.aksdoctor.slack.SlackCallFailed;
import dev.aksdoctor.slack.SlackGateway;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * One investigation, start to end: parse the paste, anchor a thread (a root message naming who asked, for
 * slash commands, which Slack cannot run in threads), post "investigating — N checks queued", run the
 * playbook's checks against ARM updating that reply as they finish, then replace it with the findings.
 */
@ApplicationScoped
public class RunInvestigation {

    private static final Logger LOG = Logger.getLogger(RunInvestigation.class);

    private final PasteParser parser;
    private final Investigator investigator;
    private final SlackGateway slack;
    private final InvestigationStore store;
    private final MeterRegistry meters;
    private final Clock clock;
    private final ChannelSettings channelSettings;
    private final ChannelScopes channelScopes;

    public RunInvestigation(PasteParser parser, Investigator investigator, SlackGateway slack,
                            InvestigationStore store, MeterRegistry meters, Clock clock,
                            ChannelSettings channelSettings, ChannelScopes channelScopes) {
        this.parser = parser;
        this.investigator = investigator;
        this.slack = slack;
        this.store = store;
        this.meters = meters;
        this.clock = clock;
        this.channelSettings = channelSettings;
        this.channelScopes = channelScopes;
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
            if (!diagnosis.recognized() && diagnosis.cluster() == null) {
                // Nothing to check against: say what the bot recognises instead of running a blind health check.
                slack.postMessage(job.channel(), threadTs, DiagnosisReplyRenderer.fallbackText(diagnosis),
                        DiagnosisReplyRenderer.render(diagnosis));
                outcome = "unrecognised";
            } else {
                outcome = investigate(job, diagnosis, threadTs);
            }
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

    private String investigate(InvestigationJob job, Diagnosis diagnosis, String threadTs) {
        int total = Playbook.planFor(diagnosis).size();
        String replyTs = slack.postMessage(job.channel(), threadTs,
                InvestigationReplyRenderer.runningText(diagnosis, 0, total),
                InvestigationReplyRenderer.running(diagnosis, List.of(), total));
        ThreadProgress progress = new ThreadProgress(slack, clock, job.channel(), replyTs, diagnosis, total);
        InvestigationOptions options = new InvestigationOptions(job.runNodeProbes(),
                cluster -> channelScopes.permits(job.channel(), cluster));
        InvestigationReport report = investigator.investigate(diagnosis, channelSettings.channelDefault(job.channel()),
                options, progress);
        slack.updateMessage(job.channel(), replyTs, InvestigationReplyRenderer.finishedText(diagnosis, report),
                InvestigationReplyRenderer.finished(job.investigationId(), diagnosis, report));
        if (!report.access().configured()) {
            return "no_azure";
        }
        return report.likelyCause().isPresent() ? "cause_found" : "no_cause";
    }
}
