package dev.aksdoctor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.slack.api.util.json.GsonFactory;
import dev.aksdoctor.diagnosis.CausalChains;
import dev.aksdoctor.diagnosis.Diagnosis;
import dev.aksdoctor.reply.InvestigationReplyRenderer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The final answer as Slack receives it, with the promise checks every scenario runs: every button a text
 * mentions is offered with that label, no action_id repeats in the message, every button is one of the
 * vocabulary (each has exactly one handler: NextActionHandlersTest), and a skipped node probe keeps its
 * "Run node connectivity test" button.
 */
record Answer(InvestigationReport report, String likelyCauseText, String text, Map<String, String> buttons,
        List<String> likelyCauseButtons, java.util.Optional<SuggestedAction> detectors) {

    /** Phrases a remedy may use for a button: the button must then be in the message. */
    private static final Map<String, NextAction> NAMED = Map.of(
            "reconcile the cluster", NextAction.RECONCILE_CLUSTER,
            "reconcile the node pool", NextAction.RECONCILE_NODE_POOL,
            "reimage", NextAction.REIMAGE_INSTANCE,
            "update the instance", NextAction.UPDATE_INSTANCE,
            "start the node pool", NextAction.START_NODE_POOL,
            "rotate the certificates", NextAction.ROTATE_CERTIFICATES,
            "start the cluster", NextAction.START_CLUSTER,
            "node connectivity test", NextAction.RUN_NODE_PROBE,
            "aks detectors", NextAction.RUN_DETECTORS);
    private static final Pattern PRESS = Pattern.compile("press \"([^\"]+)\"", Pattern.CASE_INSENSITIVE);

    static Answer of(Diagnosis d, InvestigationReport report) {
        JsonArray blocks = GsonFactory.createSnakeCase()
                .toJsonTree(InvestigationReplyRenderer.finished(1, d, report)).getAsJsonArray();
        StringBuilder text = new StringBuilder();
        String cause = "";
        Map<String, String> buttons = new LinkedHashMap<>();
        List<String> causeButtons = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (JsonElement e : blocks) {
            JsonObject b = e.getAsJsonObject();
            if (b.has("text") && b.get("text").isJsonObject()) {
                String t = b.getAsJsonObject("text").get("text").getAsString();
                text.append(t).append('\n');
                if (b.has("block_id") && "likely_cause".equals(b.get("block_id").getAsString())) {
                    cause = t;
                }
            }
            if ("actions".equals(b.get("type").getAsString())) {
                for (JsonElement el : b.getAsJsonArray("elements")) {
                    JsonObject button = el.getAsJsonObject();
                    if (button.has("url")) {
                        continue;
                    }
                    String id = button.get("action_id").getAsString();
                    String label = button.getAsJsonObject("text").get("text").getAsString();
                    ids.add(id);
                    buttons.put(id, label);
                    if ("likely_cause_actions".equals(b.get("block_id").getAsString())) {
                        causeButtons.add(id);
                    }
                }
            }
        }
        Answer a = new Answer(report, cause, text.toString(), buttons, causeButtons, DetectorOffer.of(d, report));
        a.assertPromisesKept(ids);
        return a;
    }

    private void assertPromisesKept(List<String> ids) {
        for (Finding f : report.findings()) {
            if (f.docLink() != null) {
                assertTrue(dev.aksdoctor.diagnosis.Articles.find(f.docLink().url()).isPresent(),
                        "a finding links outside the one table of articles: " + f.docLink());
            }
        }
        assertEquals(new HashSet<>(ids).size(), ids.size(), "an action_id repeats: " + ids);
        for (String id : ids) {
            assertTrue(NextAction.byId(id).isPresent() || id.equals("pick_cluster"), "no handler for " + id);
        }
        Matcher m = PRESS.matcher(text);
        while (m.find()) {
            assertTrue(buttons.containsValue(m.group(1)), "the text says press \"" + m.group(1)
                    + "\" but the buttons are " + buttons.values() + "\n" + text);
        }
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        NAMED.forEach((phrase, action) -> {
            if (lower.contains(phrase)) {
                assertTrue(buttons.containsKey(action.id()), "the text names \"" + phrase + "\" but offers "
                        + buttons.keySet() + "\n" + text);
            }
        });
        Set<String> probeChecks = new HashSet<>();
        report.findings().stream().filter(f -> CausalChains.PROBES.contains(f.checkId())
                && f.outcome() == Outcome.SKIPPED
                && f.actions().stream().anyMatch(a -> a.action() == NextAction.RUN_NODE_PROBE))
                .forEach(f -> probeChecks.add(f.checkId().id()));
        if (!probeChecks.isEmpty()) {
            assertEquals(NextAction.RUN_NODE_PROBE.buttonLabel(Map.of()), buttons.get(NextAction.RUN_NODE_PROBE.id()),
                    "skipped " + probeChecks + " promise the node test");
        }
        assertFalse(text.contains("Run node test\""), "the button is \"Run node connectivity test\"");
    }
}
