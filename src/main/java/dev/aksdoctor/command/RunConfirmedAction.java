package dev.aksdoctor.command;

import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import dev.aksdoctor.reply.ActionReplies;
import dev.aksdoctor.reply.ButtonReplies;
import dev.aksdoctor.slack.SlackDeliveries;
import dev.aksdoctor.slack.SlackRoute;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The confirmation dialog of a write action was submitted: checks again that the submitter is an operator
 * for the cluster and the channel may touch it (the dialog may have been open for a while, the rules may
 * have changed), then runs the action once in the background.
 */
@ApplicationScoped
public class RunConfirmedAction implements SlackRoute {

    private final WriteActions actions;
    private final ButtonGuard guard;
    private final SlackDeliveries deliveries;
    private final PerformWriteAction perform;
    private final BackgroundWork background;

    private final OpenedDialogs dialogs;

    public RunConfirmedAction(WriteActions actions, ButtonGuard guard, SlackDeliveries deliveries,
            PerformWriteAction perform, BackgroundWork background, OpenedDialogs dialogs) {
        this.dialogs = dialogs;
        this.actions = actions;
        this.guard = guard;
        this.deliveries = deliveries;
        this.perform = perform;
        this.background = background;
    }

    @Override
    public void register(App app) {
        app.viewSubmission(ActionReplies.CONFIRM_CALLBACK, (req, ctx) -> {
            ViewSubmissionPayload p = req.getPayload();
            // Only a dialog this service showed to this user: a forged or foreign submission changes nothing.
            Optional<PendingAction> pending = PendingAction.submitted(p)
                    .filter(a -> dialogs.shownTo(p.getUser().getId(), p.getView().getPrivateMetadata()));
            if (pending.isEmpty() || !deliveries.firstTime("view:" + p.getView().getId())) {
                return ctx.ack();
            }
            PendingAction action = pending.get();
            String user = p.getUser().getId();
            if (guard.permitWrite(user, action, actions.of(action)).isEmpty()) {
                return ctx.ack();
            }
            if (!background.submit("write " + action.action().id(), () -> perform.perform(action, user))) {
                guard.tellUser(user, action.channel(), action.threadTs(), ButtonReplies.BUSY_NOTHING_CHANGED);
            }
            return ctx.ack();
        });
    }
}
