package dev.aksdoctor.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aksdoctor.testing.SlackRequests;
import io.restassured.response.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Signed Slack requests for the security tests, with the team, channel and trigger under the test's control. */
final class TrustRequests {

    static final ObjectMapper JSON = new ObjectMapper();
    /** The team the fake Slack's auth.test names: the workspace the bot is installed in. */
    static final String TEAM = "T111";
    static final String THREAD = "1700000000.000100";
    /** Delivery keys outlive a Quarkus restart (slack_delivery), so each class load starts from a fresh point. */
    private static final AtomicLong TRIGGERS = new AtomicLong(System.currentTimeMillis() * 1000);

    private TrustRequests() {
    }

    static String newTrigger() {
        return "2222." + TRIGGERS.incrementAndGet() + ".abcdef";
    }

    static String slashCommand(String team, String channel, String user, String text, String triggerId,
            String responseUrl) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "verification_token");
        form.put("team_id", team);
        form.put("team_domain", "example");
        form.put("channel_id", channel);
        form.put("channel_name", "aks-oncall");
        form.put("user_id", user);
        form.put("user_name", "someone");
        form.put("command", "/aks-doctor");
        form.put("text", text);
        form.put("api_app_id", "A111");
        form.put("is_enterprise_install", "false");
        form.put("response_url", responseUrl);
        form.put("trigger_id", triggerId);
        return SlackRequests.encode(form);
    }

    static Response post(String formBody) {
        return SlackRequests.postSignedForm(formBody);
    }

    static Response press(String team, String user, String channel, String actionId, String value) {
        return press(team, user, channel, actionId, value, "http://127.0.0.1:9/response/unused");
    }

    static Response press(String team, String user, String channel, String actionId, String value, String responseUrl) {
        ObjectNode p = JSON.createObjectNode();
        p.put("type", "block_actions");
        p.putObject("user").put("id", user).put("username", "someone").put("name", "someone").put("team_id", team);
        p.put("api_app_id", "A111").put("token", "xxx");
        p.putObject("container").put("type", "message").put("message_ts", "1700000000.000200")
                .put("thread_ts", THREAD).put("channel_id", channel).put("is_ephemeral", false);
        p.put("trigger_id", newTrigger());
        p.putObject("team").put("id", team).put("domain", "example");
        p.putObject("channel").put("id", channel).put("name", "aks-oncall");
        p.put("response_url", responseUrl);
        ObjectNode action = p.putArray("actions").addObject();
        action.put("action_id", actionId).put("block_id", "next_steps").put("value", value).put("type", "button")
                .put("action_ts", "1700000001.000100");
        action.putObject("text").put("type", "plain_text").put("text", actionId);
        return payload(p);
    }

    static Response submit(String team, String user, String viewId, String callbackId, String privateMetadata,
            ObjectNode values) {
        ObjectNode p = JSON.createObjectNode();
        p.put("type", "view_submission");
        p.putObject("team").put("id", team).put("domain", "example");
        p.putObject("user").put("id", user).put("username", "someone").put("name", "someone").put("team_id", team);
        p.put("api_app_id", "A111").put("token", "xxx").put("trigger_id", newTrigger());
        ObjectNode view = p.putObject("view");
        view.put("id", viewId).put("team_id", team).put("type", "modal").put("callback_id", callbackId)
                .put("private_metadata", privateMetadata).put("hash", "1583638467.cd05659d").put("app_id", "A111")
                .put("bot_id", "B111");
        view.putArray("blocks");
        view.putObject("state").set("values", values == null ? JSON.createObjectNode() : values);
        p.putArray("response_urls");
        return payload(p);
    }

    static Response payload(ObjectNode payload) {
        return SlackRequests.postSignedForm("payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8));
    }
}
