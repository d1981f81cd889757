package dev.aksdoctor.command;

import com.slack.api.bolt.App;
import com.slack.api.model.view.View;
import dev.aksdoctor.action.WriteAction;
import dev.aksdoctor.check.NextAction;
import dev.aksdoctor.check.SuggestedAction;
import dev.aksdoctor.diagnosis.ClusterRef;
import dev.aksdoctor.reply.ActionReplies;
import dev.aksdoctor.reply.ButtonReplies;
import dev.aksdoctor.slack.SlackCallFailed;
import dev.aksdoctor.slack.SlackGateway;
import dev.aksdoctor.slack.SlackRoute;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Every write button ({@link WriteActions}): refuses anyone who is not an operator for the cluster (and says who
 * is, and audits the refusal), else opens a confirmation dialog. Nothing changes in Azure until the dialog is
 * confirmed ({@link RunConfirmedAction}).
 */
@ApplicationScoped
public class OfferWriteAction implements SlackRoute {

    private static final Logger LOG = Logger.getLogger(OfferWriteAction.class);

    private final FreshPresses presses;
    private final WriteActions actions;
    private final ButtonGuard guard;
    private final SlackGateway slack;
    private final RangeChangeDialog rangeDialog;
    private final BackgroundWork background;
    private final OpenedDialogs dialogs;

    public OfferWriteAction(FreshPresses presses, WriteActions actions, ButtonGuard guard, SlackGateway slack,
            RangeChangeDialog rangeDialog, BackgroundWork background, OpenedDialogs dialogs) {
        this.dialogs = dialogs;
        this.presses = presses;
        this.actions = actions;
        this.guard = guard;
        this.slack = slack;
        this.rangeDialog = rangeDialog;
        this.background = background;
    }

    @Override
    public void register(App app) {
        app.blockAction(actions.actionIds(), (req, ctx) -> {
            Optional<ButtonPress> fresh = presses.of(req.getPayload());
            if (fresh.isEmpty()) {
                return ctx.ack();
            }
            ButtonPress press = fresh.get();
            WriteAction action = NextAction.byId(press.actionId()).flatMap(actions::of).orElseThrow();
            Optional<ClusterRef> cluster = guard.permitWrite(press, action);
            if (cluster.isEmpty()) {
                return ctx.ack();
            }
            offer(press, action, cluster.get());
            return ctx.ack();
        });
    }

    private void offer(ButtonPress press, WriteAction action, ClusterRef cluster) {
        NextAction next = action.action();
        PendingAction pending = new PendingAction(next, press.payload(), press.channel(), press.threadTs(), null);
        if (next == NextAction.ADD_AUTHORIZED_RANGE && press.payload().parameter(SuggestedAction.CIDR).isEmpty()) {
            // The check could not know the address (kubectl's own): ask for it, then confirm as usual.
            openDialog(press, ActionReplies.rangeInput(next.label(), cluster.displayName(),
                    dialogs.shown(press.user(), pending.toJson())));
            return;
        }
        for (String required : action.requiredParameters()) {
            if (press.payload().parameter(required).isEmpty()) {
                guard.tell(press, ButtonReplies.missingParameter(required));
                return;
            }
        }
        if (next == NextAction.ADD_AUTHORIZED_RANGE) {
            openDialog(press, ActionReplies.rangeLoading(next.label()))
                    .ifPresent(viewId -> background.submit("range dialog " + press.channel(),
                            () -> rangeDialog.show(viewId, press.user(), pending, action, cluster)));
        } else {
            openDialog(press, ActionReplies.confirmation(ActionReplies.Confirmation.of(next.label(), action.verb(), cluster,
                    action.warning(), action.details(press.payload())), dialogs.shown(press.user(), pending.toJson())));
        }
    }

    private Optional<String> openDialog(ButtonPress press, View view) {
        try {
            return Optional.of(slack.openView(press.triggerId(), view));
        } catch (SlackCallFailed e) {
            LOG.warnf("Could not open the confirmation dialog: %s", e.error());
            guard.tell(press, ButtonReplies.dialogNotOpened(e.error()));
            return Optional.empty();
        }
    }
}
