package dev.aksdoctor.command;

import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.model.view.ViewState;
import dev.aksdoctor.action.RangeInput;
import dev.aksdoctor.action.WriteAction;
import dev.aksdoctor.check.NextAction;
import dev.aksdoctor.check.SuggestedAction;
import dev.aksdoctor.diagnosis.ClusterRef;
import dev.aksdoctor.reply.ActionReplies;
import dev.aksdoctor.slack.SlackRoute;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;

/**
 * The operator typed the address to authorize: a value that is not a usable range is answered under the field
 * (Slack keeps the dialog open); a good one turns the dialog into the usual confirmation with the exact new
 * list. Nothing changes in Azure until that is confirmed ({@link RunConfirmedAction}).
 */
@ApplicationScoped
public class TakeTypedRange implements SlackRoute {

    private final WriteActions actions;
    private final ButtonGuard guard;
    private final RangeChangeDialog rangeDialog;
    private final BackgroundWork background;

    private final OpenedDialogs dialogs;

    public TakeTypedRange(WriteActions actions, ButtonGuard guard, RangeChangeDialog rangeDialog, BackgroundWork background,
            OpenedDialogs dialogs) {
        this.dialogs = dialogs;
        this.actions = actions;
        this.guard = guard;
        this.rangeDialog = rangeDialog;
        this.background = background;
    }

    @Override
    public void register(App app) {
        app.viewSubmission(ActionReplies.RANGE_INPUT_CALLBACK, (req, ctx) -> {
            ViewSubmissionPayload p = req.getPayload();
            Optional<PendingAction> pending = PendingAction.submitted(p)
                    .filter(a -> a.action() == NextAction.ADD_AUTHORIZED_RANGE)
                    .filter(a -> dialogs.shownTo(p.getUser().getId(), p.getView().getPrivateMetadata()));
            if (pending.isEmpty()) {
                return ctx.ack();
            }
            RangeInput typed = RangeInput.read(typedValue(p.getView().getState()));
            if (typed.problem().isPresent()) {
                return ctx.ackWithErrors(Map.of(ActionReplies.RANGE_FIELD, typed.problem().get()));
            }
            PendingAction action = pending.get();
            WriteAction write = actions.of(action);
            String user = p.getUser().getId();
            // Asked again: the dialog may have been open for a while, and the rules may have changed.
            Optional<ClusterRef> cluster = guard.permitWrite(user, action, write);
            if (cluster.isEmpty()) {
                return ctx.ack();
            }
            PendingAction withRange = new PendingAction(action.action(),
                    action.payload().withParameter(SuggestedAction.CIDR, typed.cidr().orElseThrow()), action.channel(),
                    action.threadTs(), null);
            String viewId = p.getView().getId();
            if (!background.submit("range dialog " + action.channel(), () -> rangeDialog.show(viewId, user, withRange, write, cluster.get()))) {
                return ctx.ackWithUpdate(ActionReplies.problem(action.action().label(), ActionReplies.BUSY));
            }
            return ctx.ackWithUpdate(ActionReplies.rangeLoading(action.action().label()));
        });
    }

    private static String typedValue(ViewState state) {
        if (state == null || state.getValues() == null) {
            return null;
        }
        Map<String, ViewState.Value> field = state.getValues().get(ActionReplies.RANGE_FIELD);
        ViewState.Value value = field == null ? null : field.get(ActionReplies.RANGE_FIELD);
        return value == null ? null : value.getValue();
    }
}
