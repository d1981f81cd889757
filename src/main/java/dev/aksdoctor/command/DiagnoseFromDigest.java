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
        presses.onPress(app, action(), this::diagnose);
    }

    private void diagnose(ButtonPress press) {
        Optional<String> clusterId = guard.permitRead(press).flatMap(ClusterRef::resourceId);
        if (clusterId.isEmpty()) {
            return;
        }
        StartInvestigation.Started started = start.inThread(InvestigationSource.DIGEST, press.user(), press.channel(),
                press.threadTs(), clusterId.get(), press.responseUrl(), false);
        if (!started.queued()) {
            guard.tell(press, ButtonReplies.notStarted(started, ButtonReplies.PRESS_AGAIN));
        }
    }
}
