package dev.aksdoctor.reply;

import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import com.slack.api.model.block.element.BlockElements;

import com.slack.api.model.block.element.ButtonElement;
import dev.aksdoctor.diagnosis.ClusterRef;
import dev.aksdoctor.check.NextAction;
import dev.aksdoctor.check.SuggestedAction;
import java.util.Locale;
import java.util.Optional;

/**
 * Buttons for next steps. The action_id is the action's name in snake case ({@code add_authorized_range});
 * the value is an {@link ActionPayload} that the button handlers validate before acting.
 */
public final class NextActionButtons {

    private NextActionButtons() {
    }

    public static String actionId(NextAction action) {
        return action.name().toLowerCase(Locale.ROOT);
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
        String label = Mrkdwn.truncate(label(action), SlackLimits.BUTTON_TEXT);
        String value = payload.toJson();
        return Optional.of(BlockElements.button(b -> {
            b.actionId(actionId(action.action())).text(plainText(label)).value(value);
            if (action.action() == NextAction.ADD_AUTHORIZED_RANGE || action.action() == NextAction.START_CLUSTER) {
                b.style("primary");
            } else if (action.action() == NextAction.ROTATE_CERTIFICATES || action.action() == NextAction.REIMAGE_INSTANCE) {
                b.style("danger");
            }
            return b;
        }));
    }

    static boolean needsCluster(NextAction action) {
        return action != NextAction.RERUN_CHECKS && action != NextAction.MARK_RESOLVED;
    }

    static String label(SuggestedAction action) {
        switch (action.action()) {
            case RERUN_CHECKS:
                return "Re-run checks";
            case RUN_NODE_PROBE:
                return "Run node connectivity test";
            case SHOW_NSG_RULES:
                return "Show matching NSG rules";
            case SHOW_ROUTES:
                return "Show routes";
            case START_CLUSTER:
                return "Start cluster";
            case RECONCILE_CLUSTER:
                return "Reconcile cluster";
            case RECONCILE_NODE_POOL:
                return "Reconcile node pool " + action.parameters().getOrDefault(SuggestedAction.POOL, "");
            case ADD_AUTHORIZED_RANGE:
                return "Add " + action.parameters().getOrDefault(SuggestedAction.CIDR, "range") + " to authorized ranges";
            case ROTATE_CERTIFICATES:
                return "Rotate certificates";
            case REIMAGE_INSTANCE:
                return "Reimage instance " + action.parameters().getOrDefault(SuggestedAction.INSTANCE_ID, "");
            case WATCH_CLUSTER:
                return "Watch this cluster";
            case MARK_RESOLVED:
                return "Mark resolved";
            default:
                return action.action().name();
        }
    }
}
