package dev.aksdoctor.command;

import com.slack.api.bolt.App;
import dev.aksdoctor.action.NextActionHandler;
import dev.aksdoctor.azure.ArmException;
import dev.aksdoctor.check.AksDetectors;
import dev.aksdoctor.check.DetectorCategory;
import dev.aksdoctor.check.DetectorReport;
import dev.aksdoctor.check.DetectorWindow;
import dev.aksdoctor.check.NextAction;
import dev.aksdoctor.check.SuggestedAction;
import dev.aksdoctor.diagnosis.ClusterRef;
import dev.aksdoctor.reply.ButtonReplies;
import dev.aksdoctor.reply.DetectorRenderer;
import dev.aksdoctor.reply.NetworkListingRenderer;
import dev.aksdoctor.slack.SlackCallFailed;
import dev.aksdoctor.slack.SlackGateway;
import dev.aksdoctor.slack.SlackRoute;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * "Run AKS detectors" (read-only): one category's detectors over the 24 hours around the failure, their critical and
 * warning insights in the thread.
 */
@ApplicationScoped
public class RunDetectors implements SlackRoute, NextActionHandler {

    private static final Logger LOG = Logger.getLogger(RunDetectors.class);

    private final FreshPresses presses;
    private final ButtonGuard guard;
    private final BackgroundWork background;
    private final AksDetectors detectors;
    private final SlackGateway slack;
    private final Clock clock;

    public RunDetectors(FreshPresses presses, ButtonGuard guard, BackgroundWork background, AksDetectors detectors,
            SlackGateway slack, Clock clock) {
        this.clock = clock;
        this.presses = presses;
        this.guard = guard;
        this.background = background;
        this.detectors = detectors;
        this.slack = slack;
    }

    @Override
    public NextAction action() {
        return NextAction.RUN_DETECTORS;
    }

    @Override
    public void register(App app) {
        presses.onPress(app, action(), this::run);
    }

    private void run(ButtonPress press) {
        Optional<ClusterRef> cluster = guard.permitRead(press);
        if (cluster.isEmpty()) {
            return;
        }
        DetectorCategory category = press.payload().parameter(SuggestedAction.CATEGORY)
                .flatMap(DetectorCategory::byParameter).orElse(DetectorCategory.CRUD);
        // The window is placed around the failure the answer saw; without one (an older button), the last 24 hours.
        DetectorWindow window = press.payload().parameter(SuggestedAction.AT).map(Instant::parse)
                .map(at -> DetectorWindow.around(at, clock.instant())).orElseGet(() -> DetectorWindow.lastDay(clock.instant()));
        if (!background.submit("AKS detectors", () -> runAndPost(press, cluster.get(), category, window))) {
            guard.tell(press, ButtonReplies.BUSY);
        }
    }

    private void runAndPost(ButtonPress press, ClusterRef cluster, DetectorCategory category, DetectorWindow window) {
        DetectorReport report;
        try {
            report = detectors.run(cluster, category, window);
        } catch (ArmException e) {
            guard.tell(press, DetectorRenderer.cannotRun(cluster.displayName(), e));
            return;
        }
        NetworkListingRenderer.Listing listing = DetectorRenderer.report(report);
        try {
            slack.postMessage(press.channel(), press.threadTs(), listing.text(), listing.blocks());
        } catch (SlackCallFailed e) {
            LOG.warnf("Could not post the AKS detectors of %s in %s: %s", cluster.displayName(), press.channel(),
                    e.error());
        }
    }
}
