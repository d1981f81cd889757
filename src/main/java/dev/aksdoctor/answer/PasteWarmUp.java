package dev.aksdoctor.answer;

import dev.aksdoctor.diagnosis.Diagnosis;
import dev.aksdoctor.diagnosis.PasteParser;
import dev.aksdoctor.diagnosis.Playbook;
import dev.aksdoctor.investigation.InvestigationSettings;
import dev.aksdoctor.investigation.InvestigationStatus;
import dev.aksdoctor.investigation.InvestigationStore;
import dev.aksdoctor.reply.DiagnosisReplyRenderer;
import dev.aksdoctor.reply.InvestigationReplyRenderer;
import dev.aksdoctor.slack.SlackGateway;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * Right after start, on a thread of its own: the paste path's own code runs once on a sample paste, so the first
 * real paste does not pay for first use — the parser and its catalog, the root and "investigating" messages and
 * their Slack JSON, and the job's database statements (Hibernate parses each query the first time it runs). It
 * stores and posts nothing: the statements run against an id no investigation has (they change no row), and the
 * messages are built, not sent. Readiness never waits for it; a paste arriving meanwhile runs the same code beside it.
 */
@ApplicationScoped
public class PasteWarmUp {

    private static final Logger LOG = Logger.getLogger(PasteWarmUp.class);

    /** Never an investigation's id: ids come from a sequence starting at 1. */
    static final long NO_INVESTIGATION = -1;

    /** A typical first paste: the error Slack channels see most (CSE exit code 51), with its cluster. */
    static final String SAMPLE = """
            (VMExtensionError_K8SAPIServerConnFail) Agents are unable to establish connection to Kubernetes API server. \
            VMSS CSE failed with exit code 51. Connection timed out.
            Target: /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/\
            Microsoft.ContainerService/managedClusters/aks""";

    private final PasteParser parser;
    private final InvestigationStore store;
    private final SlackGateway slack;
    private final InvestigationSettings settings;
    private final Clock clock;

    public PasteWarmUp(PasteParser parser, InvestigationStore store, SlackGateway slack, InvestigationSettings settings,
            Clock clock) {
        this.parser = parser;
        this.store = store;
        this.slack = slack;
        this.settings = settings;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        if (settings.warmUp()) {
            CompletableFuture.runAsync(this::run, task -> {
                Thread thread = new Thread(task, "aks-doctor-paste-warm-up");
                thread.setDaemon(true);
                thread.start();
            });
        }
    }

    /**
     * Runs the paste path once and says whether it got through; a failure is logged at debug level and changes
     * nothing (the first paste warms the rest).
     */
    public boolean run() {
        long started = System.nanoTime();
        try {
            Diagnosis diagnosis = parser.parse(SAMPLE);
            int planned = Playbook.planFor(diagnosis).size();
            slack.buildWithoutSending(DiagnosisReplyRenderer.rootText("U0", diagnosis),
                    DiagnosisReplyRenderer.rootBlocks("U0", diagnosis));
            slack.buildWithoutSending(InvestigationReplyRenderer.runningText(diagnosis, 0, planned),
                    InvestigationReplyRenderer.running(diagnosis, List.of(), planned));
            // The ack's count and the job's reads and updates, in the order a paste runs them; none matches a row.
            store.startedSince("", "", clock.instant(), 1);
            store.find(NO_INVESTIGATION);
            store.markRunning(NO_INVESTIGATION, diagnosis.errorCode());
            store.attachThread(NO_INVESTIGATION, null);
            store.claimFinal(NO_INVESTIGATION, InvestigationStatus.ANSWERED, "warm-up");
            LOG.debugf("Paste path warm in %d ms", (System.nanoTime() - started) / 1_000_000);
            return true;
        } catch (RuntimeException e) {
            LOG.debugf(e, "Paste path warm-up stopped; the first paste warms it instead");
            return false;
        }
    }
}
