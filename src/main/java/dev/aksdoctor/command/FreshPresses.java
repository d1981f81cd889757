package dev.aksdoctor.command;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import dev.aksdoctor.check.NextAction;
import dev.aksdoctor.investigation.InvestigationStore;
import dev.aksdoctor.slack.SlackDeliveries;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A button press to act on: well formed (see {@link ButtonPress#from}) and seen for the first time — Slack
 * can deliver one press twice, and a second delivery must not start a second investigation or write.
 */
@ApplicationScoped
public class FreshPresses {

    private final InvestigationStore investigations;
    private final SlackDeliveries deliveries;

    public FreshPresses(InvestigationStore investigations, SlackDeliveries deliveries) {
        this.investigations = investigations;
        this.deliveries = deliveries;
    }

    public Optional<ButtonPress> of(BlockActionPayload payload) {
        return ButtonPress.from(payload, investigations)
                .filter(press -> press.triggerId() == null || deliveries.firstTime("trigger:" + press.triggerId()));
    }

    /** As {@link #of}, for handlers that cannot act without a trigger id (e.g. to open a dialog). */
    public Optional<ButtonPress> withTrigger(BlockActionPayload payload) {
        return ButtonPress.from(payload, investigations)
                .filter(press -> press.triggerId() != null && deliveries.firstTime("trigger:" + press.triggerId()));
    }

    /**
     * Registers {@code handler} for the button {@code action}: it runs once per fresh press (a repeat or a malformed
     * value runs nothing), and Slack always gets its acknowledgement.
     */
    public void onPress(App app, NextAction action, Consumer<ButtonPress> handler) {
        app.blockAction(action.id(), (req, ctx) -> {
            of(req.getPayload()).ifPresent(handler);
            return ctx.ack();
        });
    }
}
