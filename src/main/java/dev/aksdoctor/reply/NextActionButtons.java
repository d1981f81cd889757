package dev.aksdoctor.reply;

import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.element.BlockElements;
import com.slack.api.model.block.element.ButtonElement;
import dev.aksdoctor.check.NextAction;
import dev.aksdoctor.check.SuggestedAction;
import dev.aksdoctor.diagnosis.ClusterRef;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Buttons for next steps. The action_id, label and style are the {@link NextAction}'s own; the value is an
 * {@link ActionPayload} that the button handlers validate before acting.
 */
public final class NextActionButtons {

    /** The buttons that make sense before a cluster is located. */
    private static final Set<NextAction> WITHOUT_CLUSTER = EnumSet.of(NextAction.RERUN_CHECKS, NextAction.MARK_RESOLVED,
            NextAction.PICK_CLUSTER);

    private NextActionButtons() {
    }

    public static String actionId(NextAction action) {
        return action.id();
    }

    /** The button, or empty when its value would not be one the handlers accept (e.g. no cluster yet). */
    public static Optional<ButtonElement> button(long investigationId, ClusterRef cluster, SuggestedAction action) {
        ActionPayload payload;
        try {
            payload = ActionPayload.of(investigationId, cluster, action);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (needsCluster(action.action()) && payload.clusterId() == null) {
            return Optional.empty();
        }
        return Optional.of(button(action.action(), action.parameters(), payload));
    }

    /** The button of {@code action} carrying {@code payload}, labelled for {@code parameters}. */
    public static ButtonElement button(NextAction action, Map<String, String> parameters, ActionPayload payload) {
        String label = Mrkdwn.truncate(action.buttonLabel(parameters), SlackLimits.BUTTON_TEXT);
        String value = payload.toJson();
        return BlockElements.button(b -> {
            b.actionId(action.id()).text(plainText(label)).value(value);
            action.style().slackValue().ifPresent(b::style);
            return b;
        });
    }

    static boolean needsCluster(NextAction action) {
        return !WITHOUT_CLUSTER.contains(action);
    }
}
