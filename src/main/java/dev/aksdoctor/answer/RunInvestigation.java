package dev.aksdoctor.answer;

import com.slack.api.model.block.LayoutBlock;
import dev.aksdoctor.access.ChannelScopes;
import dev.aksdoctor.channel.ChannelSettings;
import dev.aksdoctor.check.InvestigationOptions;
import dev.aksdoctor.check.InvestigationReport;
import dev.aksdoctor.check.Investigator;
import dev.aksdoctor.diagnosis.CheckId;
import dev.aksdoctor.diagnosis.Diagnosis;
import dev.aksdoctor.diagnosis.PasteParser;
import dev.aksdoctor.diagnosis.Playbook;
import dev.aksdoctor.investigation.Investigation;
import dev.aksdoctor.investigation.InvestigationJob;
import dev.aksdoctor.investigation.InvestigationRunner;
import dev.aksdoctor.investigation.InvestigationStatus;
import dev.aksdoctor.investigation.InvestigationStore;
import dev.aksdoctor.reply.ClientSideAnswerRenderer;
import dev.aksdoctor.reply.DiagnosisReplyRenderer;
import dev.aksdoctor.reply.InvestigationReplyRenderer;
import dev.aksdoctor.slack.SlackCallFailed;
import dev.aksdoctor.slack.SlackGateway;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.jboss.logging.Logger;

/**
 * One investigation, start to end: parse the paste, anchor a thread (a root message naming who asked, for
 * slash commands, which Slack cannot run in threads), post "investigating — N checks queued", run the
 * playbook's checks against ARM updating that message as they finish, then replace it with the findings.
 *
 * <p>Safe to run again for the same investigation (a job resumed after a crash or restart): the thread and
 * the answer message are recorded as soon as they exist and are reused, the final answer is always an
 * update of that one message, and nothing is posted once the answer is recorded as delivered.
 */
@ApplicationScoped
public class RunInvestigation implements InvestigationRunner {

    private static final Logger LOG = Logger.getLogger(RunInvestigation.class);

    private final PasteParser parser;
    private final Investigator investigator;
    private final SlackGateway slack;
    private final InvestigationStore store;
    private final MeterRegistry meters;
    private final Clock clock;
    private final ChannelSettings channelSettings;
    private final ChannelScopes channelScopes;
    private final ConfirmWithPlatform platform;
    /** Progress edits leave from here, never from a check's thread: a slow Slack must not slow the checks. */
    private final ScheduledExecutorService progressSender = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "slack-progress");
        t.setDaemon(true);
        return t;
    });

    public RunInvestigation(PasteParser parser, Investigator investigator, SlackGateway slack,
                            InvestigationStore store, MeterRegistry meters, Clock clock,
                            ChannelSettings channelSettings, ChannelScopes channelScopes, ConfirmWithPlatform platform) {
        this.parser = parser;
        this.investigator = investigator;
        this.slack = slack;
        this.store = store;
        this.meters = meters;
        this.clock = clock;
        this.channelSettings = channelSettings;
        this.channelScopes = channelScopes;
        this.platform = platform;
    }

    @PreDestroy
    void stop() {
        progressSender.shutdownNow();
    }

    @Override
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
            boolean clientSide = Playbook.clientSide(diagnosis);
            // Rejected credentials on a cluster we know (named, or the channel's default): what it accepts is in ARM.
            List<CheckId> clusterPlan = clientSide && (diagnosis.cluster() != null
                    || channelSettings.channelDefault(job.channel()).isPresent()) ? Playbook.withKnownCluster(diagnosis)
                            : List.of();
            Diagnosis checked = clusterPlan.isEmpty() ? diagnosis : diagnosis.withPlan(clusterPlan);
            boolean checkable = !clusterPlan.isEmpty()
                    || !clientSide && (diagnosis.recognized() || diagnosis.cluster() != null);
            int total = checkable ? Playbook.planFor(checked).size() : 0;
            String answerTs = row.answerTs;
            if (answerTs == null) {
                answerTs = slack.postMessage(job.channel(), threadTs,
                        InvestigationReplyRenderer.runningText(checked, 0, total),
                        InvestigationReplyRenderer.running(checked, List.of(), total));
                store.attachAnswer(id, answerTs);
            }
            Answer answer = !clusterPlan.isEmpty() ? credentials(job, checked, answerTs, total)
                    : clientSide ? clientSide(diagnosis)
                    : checkable ? investigate(job, diagnosis, answerTs, total) : unrecognised(diagnosis);
            outcome = answer.outcome();
            if (!store.claimFinal(id, InvestigationStatus.ANSWERED, outcome)) {
                LOG.infof("Investigation %d was closed meanwhile (timed out); its answer is not posted", id);
                outcome = "timed_out";
                return;
            }
            slack.updateMessage(job.channel(), answerTs, answer.text(), answer.blocks());
            store.markDelivered(id);
            if (answer.report() != null) {
                platform.confirmLater(job, answerTs, diagnosis, answer.report(), answer.options());
            }
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

    /** {@code report} and {@code options} only for an investigation that ran checks. */
    private record Answer(String outcome, String text, List<LayoutBlock> blocks, InvestigationReport report,
            InvestigationOptions options) {
    }

    /** Nothing to check against: say what the bot recognises instead of running a blind health check. */
    private static Answer unrecognised(Diagnosis diagnosis) {
        return new Answer("unrecognised", DiagnosisReplyRenderer.fallbackText(diagnosis),
                DiagnosisReplyRenderer.render(diagnosis), null, null);
    }

    /** The cause is on the client that printed the error: nothing in Azure to check, even for a named cluster. */
    private static Answer clientSide(Diagnosis diagnosis) {
        return new Answer("client_side", ClientSideAnswerRenderer.fallbackText(diagnosis),
                ClientSideAnswerRenderer.render(diagnosis), null, null);
    }

    /**
     * A setting of the cluster that explains the rejected credentials is the likely cause; when none does (or none
     * could be read), the general credentials answer, saying what was read.
     */
    private Answer credentials(InvestigationJob job, Diagnosis diagnosis, String answerTs, int total) {
        Answer investigated = investigate(job, diagnosis, answerTs, total);
        if (investigated.report().likelyCause().isPresent()) {
            return investigated;
        }
        return new Answer(investigated.outcome(), ClientSideAnswerRenderer.fallbackText(diagnosis),
                ClientSideAnswerRenderer.render(diagnosis, investigated.report()), null, null);
    }

    private Answer investigate(InvestigationJob job, Diagnosis diagnosis, String answerTs, int total) {
        InvestigationOptions options = new InvestigationOptions(job.runNodeProbes(),
                cluster -> channelScopes.permits(job.channel(), cluster));
        InvestigationReport report;
        try (ThreadProgress progress = new ThreadProgress(slack, clock, progressSender, job.channel(), answerTs,
                diagnosis, total)) {
            report = investigator.investigate(diagnosis, channelSettings.channelDefault(job.channel()), options,
                    progress);
        }
        report.likelyCause().ifPresent(cause -> store.recordLikelyCause(job.investigationId(), cause.title()));
        String outcome = !report.access().configured() ? "no_azure"
                : report.likelyCause().isPresent() ? "cause_found" : "no_cause";
        return new Answer(outcome, InvestigationReplyRenderer.finishedText(diagnosis, report),
                InvestigationReplyRenderer.finished(job.investigationId(), diagnosis, report), report, options);
    }
}
