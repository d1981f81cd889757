package dev.aksdoctor.reply;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import dev.aksdoctor.azure.ClusterFacts;
import dev.aksdoctor.check.NextAction;
import java.util.List;
import java.util.Map;

/** The one message posted when a watched cluster turns Failed or Stopped. */
public final class ClusterAlertRenderer {

    /** The ARM provisioning state an alert is about (see {@code digest/ClusterAlertState}); else Stopped. */
    static final String FAILED = "Failed";

    private ClusterAlertRenderer() {
    }

    public static String text(ClusterFacts cluster, String state) {
        String what = FAILED.equals(state)
                ? "its last operation failed (provisioning state `Failed`): the cluster may be unmanageable until it is reconciled"
                : "it is stopped (power state `Stopped`): no workloads run until `az aks start`";
        return ":rotating_light: " + Mrkdwn.code(cluster.ref().displayName()) + " is now *" + state + "*: " + what + ".";
    }

    /** With the digest's Diagnose button: the same value as every button (no investigation yet). */
    public static List<LayoutBlock> blocks(ClusterFacts cluster, String state) {
        ActionPayload payload = new ActionPayload(0, cluster.id(), Map.of());
        return List.of(section(s -> s.text(markdownText(Mrkdwn.truncate(text(cluster, state), SlackLimits.SECTION_TEXT)))
                .accessory(NextActionButtons.button(NextAction.DIAGNOSE_CLUSTER, Map.of(), payload))));
    }
}
