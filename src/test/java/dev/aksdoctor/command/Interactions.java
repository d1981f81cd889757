package dev.aksdoctor.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aksdoctor.testing.FakeSlackApi;
import dev.aksdoctor.testing.SlackRequests;
import io.restassured.response.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Signed interaction payloads shaped like shared/fixtures/slack/ (block_actions_in_thread.json,
 * view_submission.json, and a block_suggestion as Slack sends one for an external_select in a modal).
 */
final class Interactions {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String THREAD = "1700000000.000100";
    /**
     * Trigger ids are deduplicated in slack_delivery, which outlives a Quarkus restart (and this class's reload
     * in a new class loader), so each load starts from a fresh point.
     */
    private static final AtomicLong TRIGGERS = new AtomicLong(System.currentTimeMillis() * 1000);

    private Interactions() {
    }

    /** A button press in {@link #THREAD} of {@code channel}. */
    static Response press(FakeSlackApi slack, String user, String channel, String actionId, String value) {
        ObjectNode p = JSON.createObjectNode();
        p.put("type", "block_actions");
        p.putObject("user").put("id", user).put("username", "someone").put("name", "someone").put("team_id", "T111");
        p.put("api_app_id", "A111").put("token", "xxx");
        p.putObject("container").put("type", "message").put("message_ts", "1700000000.000200")
                .put("thread_ts", THREAD).put("channel_id", channel).put("is_ephemeral", false);
        p.put("trigger_id", "111.222." + TRIGGERS.incrementAndGet());
        p.putObject("team").put("id", "T111").put("domain", "example");
        p.putObject("channel").put("id", channel).put("name", "aks-oncall");
        p.put("response_url", slack.responseUrl("actions/" + TRIGGERS.get()));
        ObjectNode action = p.putArray("actions").addObject();
        action.put("action_id", actionId).put("block_id", "next_steps").put("value", value).put("type", "button")
                .put("action_ts", "1700000001.000100");
        action.putObject("text").put("type", "plain_text").put("text", actionId);
        return post(p);
    }

    /** A modal submitted with {@code values} as its state ({@code {"block":{"action":{…}}}}). */
    static Response submit(String user, String viewId, String callbackId, String privateMetadata, ObjectNode values) {
        ObjectNode p = JSON.createObjectNode();
        p.put("type", "view_submission");
        p.putObject("team").put("id", "T111").put("domain", "example");
        p.putObject("user").put("id", user).put("username", "someone").put("name", "someone").put("team_id", "T111");
        p.put("api_app_id", "A111").put("token", "xxx").put("trigger_id", "123.123." + TRIGGERS.incrementAndGet());
        ObjectNode view = p.putObject("view");
        view.put("id", viewId).put("team_id", "T111").put("type", "modal").put("callback_id", callbackId)
                .put("private_metadata", privateMetadata).put("hash", "1583638467.cd05659d").put("app_id", "A111")
                .put("bot_id", "B111");
        view.putArray("blocks");
        view.putObject("state").set("values", values);
        p.putArray("response_urls");
        return post(p);
    }

    /** Type-ahead in an external_select of an open modal. */
    static Response suggest(String user, String actionId, String blockId, String typed, String privateMetadata) {
        ObjectNode p = JSON.createObjectNode();
        p.put("type", "block_suggestion");
        p.putObject("user").put("id", user).put("username", "someone").put("name", "someone").put("team_id", "T111");
        p.putObject("container").put("type", "view").put("view_id", "VPICK1");
        p.put("api_app_id", "A111").put("token", "xxx");
        p.put("action_id", actionId).put("block_id", blockId).put("value", typed);
        p.putObject("team").put("id", "T111").put("domain", "example");
        ObjectNode view = p.putObject("view");
        view.put("id", "VPICK1").put("type", "modal").put("callback_id", "pick_cluster_submit")
                .put("private_metadata", privateMetadata);
        view.putObject("state").putObject("values");
        return post(p);
    }

    static ObjectNode selected(ObjectNode values, String block, String action, String value) {
        ObjectNode a = values.putObject(block).putObject(action);
        a.put("type", "external_select");
        if (value == null) {
            a.putNull("selected_option");
        } else {
            ObjectNode o = a.putObject("selected_option");
            o.putObject("text").put("type", "plain_text").put("text", value);
            o.put("value", value);
        }
        return values;
    }

    static ObjectNode typed(ObjectNode values, String block, String action, String text) {
        ObjectNode a = values.putObject(block).putObject(action);
        a.put("type", "plain_text_input");
        if (text == null) {
            a.putNull("value");
        } else {
            a.put("value", text);
        }
        return values;
    }

    static ObjectNode checked(ObjectNode values, String block, String action, String... options) {
        ObjectNode a = values.putObject(block).putObject(action);
        a.put("type", "checkboxes");
        var selected = a.putArray("selected_options");
        for (String o : options) {
            ObjectNode opt = selected.addObject();
            opt.putObject("text").put("type", "mrkdwn").put("text", o);
            opt.put("value", o);
        }
        return values;
    }

    static String text(String json) {
        try {
            return JSON.readTree(json).path("text").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Response post(ObjectNode payload) {
        return SlackRequests.postSignedForm("payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8));
    }
}
