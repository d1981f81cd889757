package dev.aksdoctor.command;

import com.slack.api.bolt.App;
import dev.aksdoctor.action.NextActionHandler;
import dev.aksdoctor.check.NextAction;
import dev.aksdoctor.investigation.Investigation;
import dev.aksdoctor.investigation.StartInvestigation;
import dev.aksdoctor.reply.ButtonReplies;
import dev.aksdoctor.slack.SlackRoute;
import jakarta.enterprise.context.ApplicationScoped;

/** "Re-run checks": the same (redacted) paste, investigated again, answered in the same thread. */
@ApplicationScoped
public class RerunChecks implements SlackRoute, NextActionHandler {

    private final FreshPresses presses;
    private final ButtonGuard guard;
    private final StartInvestigation start;

    public RerunChecks(FreshPresses presses, ButtonGuard guard, StartInvestigation start) {
        this.presses = presses;
        this.guard = guard;
        this.start = start;
    }

    @Override
    public NextAction action() {
        return NextAction.RERUN_CHECKS;
    }

    @Override
    public void register(App app) {
        presses.onPress(app, action(), this::rerun);
    }

    private void rerun(ButtonPress press) {
        if (press.investigation().isEmpty()) {
            guard.tell(press, ButtonReplies.INVESTIGATION_GONE);
            return;
        }
        if (press.payload().cluster().isPresent() && guard.permitRead(press).isEmpty()) {
            return;
        }
        Investigation inv = press.investigation().get();
        // The located cluster is appended as a resource id so the re-run checks the same cluster.
        String text = inv.textRedacted + press.payload().cluster().flatMap(c -> c.resourceId())
                .map(id -> "\n" + id).orElse("");
        StartInvestigation.Started started = start.inThread(inv.source, press.user(), press.channel(),
                press.threadTs(), text, press.responseUrl(), false);
        if (!started.queued()) {
            guard.tell(press, ButtonReplies.notStarted(started, ButtonReplies.PRESS_AGAIN));
        }
    }
}
