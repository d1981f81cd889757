package dev.aksdoctor.command;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import dev.aksdoctor.investigation.Investigation;
import dev.aksdoctor.investigation.InvestigationStore;
import dev.aksdoctor.reply.ActionPayload;
import java.util.Optional;

/**
 * A next-step button press, checked: a valid user and channel, a value we could have written, and (when
 * the value names an investigation) an investigation of this same channel, whose thread the answers go to.
 */
public record ButtonPress(String user, String channel, String threadTs, String triggerId, String responseUrl,
        String actionId, ActionPayload payload, Optional<Investigation> investigation) {

    /** The press, or empty when it is malformed, carries a value we never wrote, or belongs to another channel. */
    public static Optional<ButtonPress> from(BlockActionPayload p, InvestigationStore store) {
        if (p == null || p.getUser() == null || !SlackIds.isUser(p.getUser().getId()) || p.getActions() == null
                || p.getActions().isEmpty() || p.getChannel() == null || !SlackIds.isChannel(p.getChannel().getId())) {
            return Optional.empty();
        }
        BlockActionPayload.Action action = p.getActions().get(0);
        Optional<ActionPayload> payload = ActionPayload.parse(action.getValue());
        if (payload.isEmpty()) {
            return Optional.empty();
        }
        String channel = p.getChannel().getId();
        Optional<Investigation> inv = payload.get().investigationId() > 0
                ? store.find(payload.get().investigationId()) : Optional.empty();
        if (inv.isPresent() && !channel.equals(inv.get().channel)) {
            return Optional.empty();
        }
        String thread = inv.map(i -> i.threadTs).filter(SlackIds::isTs).orElse(null);
        if (thread == null && p.getContainer() != null) {
            thread = SlackIds.isTs(p.getContainer().getThreadTs()) ? p.getContainer().getThreadTs()
                    : SlackIds.isTs(p.getContainer().getMessageTs()) ? p.getContainer().getMessageTs() : null;
        }
        return Optional.of(new ButtonPress(p.getUser().getId(), channel, thread, p.getTriggerId(), p.getResponseUrl(),
                action.getActionId(), payload.get(), inv));
    }
}
