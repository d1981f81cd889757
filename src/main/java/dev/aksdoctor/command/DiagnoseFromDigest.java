package dev.aksdoctor.command;

import com.slack.api.bolt.App;
import dev.aksdoctor.action.NextActionHandler;
import dev.aksdoctor.check.NextAction;
import dev.aksdoctor.diagnosis.ClusterRef;
import dev.aksdoctor.investigation.InvestigationSource;
import dev.aksdoctor.investigation.StartInvestigation;
import dev.aksdoctor.reply.ButtonReplies;
import dev.aksdoctor.slack.SlackRoute;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** A digest's "Diagnose" button: a health investigation of that cluster, answered in the digest's thread. */
@ApplicationScoped
public class DiagnoseFromDigest implements SlackRoute, NextActionHandler {

    private final FreshPresses presses;
    private final ButtonGuard guard;
    private final StartInvestigation start;

    public DiagnoseFromDigest(FreshPresses presses, ButtonGuard guard, StartInvestigation start) {
        this.presses = presses;
        this.guard = guard;
        this.start = start;
    }

    @Override
    public NextAction action() {
        return NextAction.DIAGNOSE_CLUSTER;
    }

    @Override
    public void register(App app) {
        app.blockAction(action().id(), (req, ctx) -> {
            Optional<ButtonPress> fresh = presses.of(req.getPayload());
            if (fresh.isEmpty()) {
                return ctx.ack();
            }
            ButtonPress press = fresh.get();
            Optional<String> clusterId = guard.permitRead(press).flatMap(ClusterRef::resourceId);
            if (clusterId.isEmpty()) {
                return ctx.ack();
            }
            StartInvestigation.Started started = start.inThread(InvestigationSource.DIGEST, press.user(), press.channel(),
                    press.threadTs(), clusterId.get(), press.responseUrl(), false);
            if (!started.queued()) {
                guard.tell(press, ButtonReplies.notStarted(started, ButtonReplies.PRESS_AGAIN));
            }
            return ctx.ack();
        });
    }
}
