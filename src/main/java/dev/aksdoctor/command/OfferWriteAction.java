package dev.aksdoctor.command;

import dev.aksdoctor.reply.ActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.model.view.View;
import dev.aksdoctor.action.WriteAction;
import dev.aksdoctor.diagnosis.ClusterRef;
import dev.aksdoctor.check.SuggestedAction;
import dev.aksdoctor.investigation.InvestigationStore;
import dev.aksdoctor.reply.ActionReplies;
import dev.aksdoctor.slack.SlackCallFailed;
import dev.aksdoctor.slack.SlackDeliveries;
import dev.aksdoctor.slack.SlackGateway;
import dev.aksdoctor.slack.SlackRoute;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * A write button (start, reconcile, change ranges, rotate, reimage, run-command): refuses anyone who is not
 * an operator for the cluster (and says who is, and audits the refusal), else opens a confirmation dialog.
 * Nothing changes in Azure until the dialog is confirmed ({@link RunConfirmedAction}).
 */
@ApplicationScoped
public class OfferWriteAction implements SlackRoute {

    private static final Logger LOG = Logger.getLogger(OfferWriteAction.class);
    static final Pattern ACTION_IDS = Pattern.compile("^(" + Arrays.stream(WriteAction.values())
            .map(WriteAction::actionId).collect(Collectors.joining("|")) + ")$");

    private final InvestigationStore investigations;
    private final ButtonGuard guard;
    private final SlackDeliveries deliveries;
    private final SlackGateway slack;
    private final RangeChangeDialog rangeDialog;
    private final BackgroundWork background;

    public OfferWriteAction(InvestigationStore investigations, ButtonGuard guard, SlackDeliveries deliveries,
            SlackGateway slack, RangeChangeDialog rangeDialog, BackgroundWork background) {
        this.investigations = investigations;
        this.guard = guard;
        this.deliveries = deliveries;
        this.slack = slack;
        this.rangeDialog = rangeDialog;
        this.background = background;
    }

    @Override
    public void register(App app) {
        app.blockAction(ACTION_IDS, (req, ctx) -> {
            Optional<ButtonPress> parsed = ButtonPress.from(req.getPayload(), investigations);
            if (parsed.isEmpty()) {
                return ctx.ack();
            }
            ButtonPress press = parsed.get();
            if (press.triggerId() != null && !deliveries.firstTime("trigger:" + press.triggerId())) {
                return ctx.ack();
            }
            WriteAction action = WriteAction.byActionId(press.actionId()).orElseThrow();
            Optional<ClusterRef> cluster = guard.permitWrite(press, action);
            if (cluster.isEmpty()) {
                return ctx.ack();
            }
            if (action == WriteAction.ADD_AUTHORIZED_RANGE && press.payload().parameter(SuggestedAction.CIDR).isEmpty()) {
                // The check could not know the address (kubectl's own): ask for it, then confirm as usual.
                openDialog(press, ActionReplies.rangeInput(action.label(), cluster.get().displayName(),
                        new PendingAction(action, press.payload(), press.channel(), press.threadTs(), null).toJson()));
                return ctx.ack();
            }
            for (String required : action.requiredParameters()) {
                if (press.payload().parameter(required).isEmpty()) {
                    guard.tell(press, "This button lacks its " + required + "; re-run the checks for a fresh one.");
                    return ctx.ack();
                }
            }
            PendingAction pending = new PendingAction(action, press.payload(), press.channel(), press.threadTs(), null);
            if (action == WriteAction.ADD_AUTHORIZED_RANGE) {
                openDialog(press, RangeChangeDialog.loading(action))
                        .ifPresent(viewId -> background.submit("range dialog " + press.channel(),
                                () -> rangeDialog.show(viewId, pending, cluster.get())));
            } else {
                openDialog(press, ActionReplies.confirmation(confirmation(action, cluster.get(), press.payload(), List.of()),
                        pending.toJson()));
            }
            return ctx.ack();
        });
    }

    private Optional<String> openDialog(ButtonPress press, View view) {
        try {
            return Optional.of(slack.openView(press.triggerId(), view));
        } catch (SlackCallFailed e) {
            LOG.warnf("Could not open the confirmation dialog: %s", e.error());
            guard.tell(press, "I couldn't open the confirmation dialog (Slack said `" + e.error() + "`); press the button again.");
            return Optional.empty();
        }
    }

    static ActionReplies.Confirmation confirmation(WriteAction action, ClusterRef cluster, ActionPayload payload,
            List<String> details) {
        List<String> lines = new ArrayList<>(details);
        payload.parameter(SuggestedAction.POOL).ifPresent(p -> lines.add("*Node pool:* `" + p + "`"));
        payload.parameter(SuggestedAction.SCALE_SET).ifPresent(s -> lines.add("*Scale set:* `" + s + "`, instance `"
                + payload.parameter(SuggestedAction.INSTANCE_ID).orElse("?") + "`"));
        return new ActionReplies.Confirmation(action.label(), action.verb(),
                cluster.displayName() + " (subscription " + cluster.subscriptionId() + ")", action.warning(), lines);
    }
}
