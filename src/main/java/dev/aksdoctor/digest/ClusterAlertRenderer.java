package dev.aksdoctor.digest;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.ButtonElement;
import dev.aksdoctor.azure.ClusterFacts;
import dev.aksdoctor.reply.Mrkdwn;
import dev.aksdoctor.reply.SlackLimits;
import java.util.List;
import java.util.Map;

/** The one message posted when a watched cluster turns Failed or Stopped. */
public final class ClusterAlertRenderer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ClusterAlertRenderer() {
    }

    public static String text(ClusterFacts cluster, String state) {
        String what = ClusterAlertState.FAILED.equals(state)
                ? "its last operation failed (provisioning state `Failed`): the cluster may be unmanageable until it is reconciled"
                : "it is stopped (power state `Stopped`): no workloads run until `az aks start`";
        return ":rotating_light: " + Mrkdwn.code(cluster.ref().displayName()) + " is now *" + state + "*: " + what + ".";
    }

    public static List<LayoutBlock> blocks(ClusterFacts cluster, String state) {
        String value;
        try {
            value = JSON.writeValueAsString(Map.of("cluster", cluster.id()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return List.of(section(s -> s.text(markdownText(Mrkdwn.truncate(text(cluster, state), SlackLimits.SECTION_TEXT)))
                .accessory(ButtonElement.builder().actionId(DigestRenderer.DIAGNOSE_ACTION)
                        .text(plainText("Diagnose")).value(value).build())));
    }
}
