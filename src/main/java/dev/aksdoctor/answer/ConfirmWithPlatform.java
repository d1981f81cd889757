package dev.aksdoctor.answer;

import dev.aksdoctor.azure.ArmGateway;
import dev.aksdoctor.check.AskNetworkWatcher;
import dev.aksdoctor.check.InvestigationOptions;
import dev.aksdoctor.check.InvestigationReport;
import dev.aksdoctor.check.PlatformAnswers;
import dev.aksdoctor.check.PlatformConfirmation;
import dev.aksdoctor.check.PlatformPlan;
import dev.aksdoctor.diagnosis.ClusterRef;
import dev.aksdoctor.diagnosis.Diagnosis;
import dev.aksdoctor.investigation.InvestigationJob;
import dev.aksdoctor.investigation.InvestigationStore;
import dev.aksdoctor.reply.InvestigationReplyRenderer;
import dev.aksdoctor.slack.SlackCallFailed;
import dev.aksdoctor.slack.SlackGateway;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * After the offline answer is posted: asks Network Watcher about the same flows (next hop, IP flow verify, effective
 * routes), within {@code aks-doctor.network-watcher.timeout}, and edits that same answer message with the
 * platform's verdict beside ours (or instead of ours where they disagree). Nothing is asked for a cluster the
 * channel may not investigate, nor when the answer has no network-path verdict to confirm.
 */
@ApplicationScoped
public class ConfirmWithPlatform {

    private static final Logger LOG = Logger.getLogger(ConfirmWithPlatform.class);

    private final ArmGateway gateway;
    private final SlackGateway slack;
    private final InvestigationStore store;
    private final NetworkWatcherSettings settings;
    /** Unbounded: each call blocks while it polls its long-running operation. */
    private final ExecutorService calls;
    /**
     * The confirmations themselves, off the investigation workers: a Network Watcher that takes its whole time box
     * must not hold a worker the next paste needs.
     */
    private final ExecutorService confirmations;
    private final AtomicInteger pending = new AtomicInteger();

    public ConfirmWithPlatform(ArmGateway gateway, SlackGateway slack, InvestigationStore store,
            NetworkWatcherSettings settings) {
        this.gateway = gateway;
        this.slack = slack;
        this.store = store;
        this.settings = settings;
        AtomicInteger n = new AtomicInteger();
        this.calls = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "network-watcher-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        AtomicInteger m = new AtomicInteger();
        this.confirmations = Executors.newFixedThreadPool(CONFIRMING_AT_ONCE, r -> {
            Thread t = new Thread(r, "platform-confirm-" + m.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Each confirmation waits on Network Watcher, not on the CPU; more wait in line, each within its time box. */
    private static final int CONFIRMING_AT_ONCE = 4;

    @PreDestroy
    void stop() {
        confirmations.shutdownNow();
        calls.shutdownNow();
    }

    /**
     * {@link #confirm} on a thread of its own; the offline answer is already delivered, so a failure here (or a
     * restart before it ends) leaves that answer as it is, and is logged.
     */
    public void confirmLater(InvestigationJob job, String answerTs, Diagnosis diagnosis, InvestigationReport report,
            InvestigationOptions options) {
        pending.incrementAndGet();
        try {
            confirmations.execute(() -> {
                try {
                    confirm(job, answerTs, diagnosis, report, options);
                } catch (RuntimeException e) {
                    LOG.warnf(e, "Network Watcher's verdict for investigation %d was not added", job.investigationId());
                } finally {
                    pending.decrementAndGet();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            pending.decrementAndGet();
            LOG.debugf("Shutting down: no Network Watcher verdict for investigation %d", job.investigationId());
        }
    }

    /** Confirmations queued or running (tests wait for none before they reset the fakes). */
    public int pending() {
        return pending.get();
    }

    /**
     * Edits the answer {@code answerTs} with the platform's verdict; returns whether it did. Blocks at most for the
     * time box (plus reading the node's NIC and one Slack edit); a Slack refusal is logged, the offline answer stays.
     */
    public boolean confirm(InvestigationJob job, String answerTs, Diagnosis diagnosis, InvestigationReport report,
            InvestigationOptions options) {
        Optional<ClusterRef> cluster = report.location().found();
        if (!settings.enabled() || cluster.isEmpty() || !options.clusterPermitted().test(cluster.get())) {
            return false;
        }
        Optional<PlatformPlan> plan = PlatformPlan.of(report);
        if (plan.isEmpty()) {
            return false;
        }
        PlatformAnswers answers = new AskNetworkWatcher(gateway, calls, settings.timeout()).ask(plan.get());
        InvestigationReport confirmed = PlatformConfirmation.merge(diagnosis, report, plan.get(), answers,
                settings.timeout());
        if (confirmed.platform().isEmpty()) {
            return false;
        }
        try {
            slack.updateMessage(job.channel(), answerTs, InvestigationReplyRenderer.finishedText(diagnosis, confirmed),
                    InvestigationReplyRenderer.finished(job.investigationId(), diagnosis, confirmed));
        } catch (SlackCallFailed e) {
            LOG.warnf("Could not add Network Watcher's verdict to investigation %d: %s", job.investigationId(),
                    e.error());
            return false;
        }
        if (!confirmed.likelyCause().equals(report.likelyCause())) {
            confirmed.likelyCause().ifPresent(c -> store.recordLikelyCause(job.investigationId(), c.title()));
        }
        return true;
    }
}
