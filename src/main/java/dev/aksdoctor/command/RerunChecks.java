package dev.aksdoctor.command;

import com.slack.api.bolt.App;
import dev.aksdoctor.investigation.Investigation;
import dev.aksdoctor.slack.SlackRoute;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** "Re-run checks": the same (redacted) paste, investigated again, answered in the same thread. */
@ApplicationScoped
public class RerunChecks implements SlackRoute {

    public static final String ACTION_ID = "rerun_checks";

    private final FreshPresses presses;
    private final ButtonGuard guard;
    private final StartInvestigation start;

    public RerunChecks(FreshPresses presses, ButtonGuard guard, StartInvestigation start) {
        this.presses = presses;
        this.guard = guard;
        this.start = start;
    }

    @Override
    public void register(App app) {
        app.blockAction(ACTION_ID, (req, ctx) -> {
            Optional<ButtonPress> fresh = presses.of(req.getPayload());
            if (fresh.isEmpty()) {
                return ctx.ack();
            }
            ButtonPress press = fresh.get();
            if (press.investigation().isEmpty()) {
                guard.tell(press, "That investigation is no longer stored; paste the error again.");
                return ctx.ack();
            }
            if (press.payload().cluster().isPresent() && guard.permitRead(press).isEmpty()) {
                return ctx.ack();
            }
            Investigation inv = press.investigation().get();
            // The located cluster is appended as a resource id so the re-run checks the same cluster.
            String text = inv.textRedacted + press.payload().cluster().flatMap(c -> c.resourceId())
                    .map(id -> "\n" + id).orElse("");
            if (start.inThread(inv.source, press.user(), press.channel(), press.threadTs(), text, press.responseUrl(),
                    false).isEmpty()) {
                guard.tell(press, ":hourglass: I'm working through a backlog of investigations; press again in a minute.");
            }
            return ctx.ack();
        });
    }
}
