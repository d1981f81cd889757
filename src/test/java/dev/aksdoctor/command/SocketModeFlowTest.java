package dev.aksdoctor.command;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aksdoctor.check.NextAction;
import dev.aksdoctor.investigation.Investigation;
import dev.aksdoctor.investigation.InvestigationSource;
import dev.aksdoctor.investigation.InvestigationStatus;
import dev.aksdoctor.reply.ActionPayload;
import dev.aksdoctor.testing.FakeSlackApi;
import dev.aksdoctor.testing.FakeSlackResource;
import dev.aksdoctor.testing.FakeSocketModeResource;
import dev.aksdoctor.testing.FakeSocketModeServer;
import dev.aksdoctor.testing.InjectFakeSlack;
import dev.aksdoctor.testing.SlackRequests;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Slack over Socket Mode, against a fake Socket Mode server: the service gets its WebSocket URL from
 * apps.connections.open with the app token, receives envelopes in Slack's shapes, acknowledges each with its
 * envelope id, and answers through the same handlers, queue and de-duplication as over HTTP. No signing secret
 * is configured.
 */
@QuarkusTest
@WithTestResource(FakeSocketModeResource.class)
class SocketModeFlowTest {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Slack waits 3 s; the margin is for a loaded CI machine (bench/AckLatencyBenchmark measures the real time). */
    static final Duration ACK = Duration.ofSeconds(10);
    /** Trigger and event ids are remembered in slack_delivery across restarts of Quarkus in one test run. */
    static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis());

    @InjectFakeSlack
    FakeSlackApi slack;

    @InjectFakeSlack
    FakeSocketModeServer socket;

    @BeforeEach
    void reset() {
        await().atMost(Duration.ofSeconds(20)).until(socket::connected);
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                Investigation.count("status in ?1", List.of(InvestigationStatus.QUEUED, InvestigationStatus.RUNNING))) == 0);
        QuarkusTransaction.requiringNew().run(() -> Investigation.deleteAll());
        slack.reset();
        socket.resetAcks();
    }

    @Test
    void connect_usesTheAppTokenForAppsConnectionsOpen() {
        // slack.reset() ran after the connection was opened; a refresh opens a new one the same way.
        int before = socket.connectionsOpened();
        socket.askToReconnect();
        await().atMost(Duration.ofSeconds(20)).until(() -> socket.connectionsOpened() > before);
        FakeSlackApi.Call open = slack.last("apps.connections.open").orElseThrow();
        assertEquals("Bearer " + FakeSocketModeResource.APP_TOKEN, open.param("_authorization"));
        assertEquals(0, socket.connectionsRefused(), "only URLs from apps.connections.open are used");
        assertHelpAnswered();
    }

    @Test
    void pastedError_slashCommand_acksThenAnswersInAThread() {
        String envelope = socket.send("slash_commands", slashCommand(SlashCommandFlowTest.PASTE), true);

        FakeSocketModeServer.Ack ack = socket.awaitAck(envelope, ACK);
        JsonNode payload = ack.payload().orElseThrow();
        assertEquals("ephemeral", payload.path("response_type").asText());
        assertTrue(payload.path("text").asText().contains("Investigating"), ack.raw());

        await().atMost(Duration.ofSeconds(20)).until(() -> slack.calls("chat.update").stream()
                .anyMatch(u -> u.param("blocks").contains("Azure checks were skipped")));
        List<FakeSlackApi.Call> posts = slack.calls("chat.postMessage");
        assertEquals(2, posts.size(), "a root message and the answer message in its thread");
        assertEquals("C111", posts.get(0).param("channel"));
        assertNull(posts.get(0).param("thread_ts"), "the root message anchors a new thread");
        String thread = posts.get(1).param("thread_ts");
        assertFalse(thread == null || thread.isBlank(), "the answer goes in the thread");
        assertTrue(posts.get(1).param("_authorization").contains(FakeSlackResource.BOT_TOKEN),
                "posts use the bot token, not the app token");
        Investigation stored = awaitInvestigation(InvestigationSource.SLASH_COMMAND);
        assertEquals("W111", stored.requester);
        assertEquals(thread, stored.threadTs);
        assertTrue(socket.unexpectedMessages().isEmpty(), () -> socket.unexpectedMessages().toString());
    }

    @Test
    void pastedError_sameCommandDeliveredTwice_answeredOnce() {
        ObjectNode command = slashCommand(SlashCommandFlowTest.PASTE);
        String first = socket.send("slash_commands", command, true);
        assertTrue(socket.awaitAck(first, ACK).payload().isPresent());
        String repeat = socket.send("slash_commands", command, true);

        assertTrue(socket.awaitAck(repeat, ACK).payload().isEmpty(), "the repeat is acknowledged, with nothing to show");
        awaitInvestigation(InvestigationSource.SLASH_COMMAND);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> Investigation.count()) == 1);
    }

    @Test
    void help_slashCommand_ackCarriesTheUsage() {
        assertHelpAnswered();
        assertTrue(slack.calls("chat.postMessage").isEmpty(), "help is answered in the ack alone");
    }

    @Test
    void messageShortcut_interactive_acksWithoutPayloadAndAnswersInThatThread() {
        ObjectNode p = JSON.createObjectNode();
        p.put("type", "message_action").put("token", "legacy-fixed-value").put("action_ts", "1583637157.207593");
        p.putObject("team").put("id", "T111").put("domain", "test-test");
        p.putObject("user").put("id", "U123").put("username", "test-test").put("team_id", "T111");
        p.putObject("channel").put("id", "C123").put("name", "dev");
        p.put("callback_id", "diagnose_message").put("trigger_id", "123.123." + IDS.incrementAndGet())
                .put("message_ts", "1583636382.000300");
        p.putObject("message").put("type", "message").put("text", WaysInFlowTest.PASTE).put("user", "U234")
                .put("ts", "1583636382.000300").put("thread_ts", "1583636000.000100");
        p.put("response_url", slack.responseUrl("shortcut"));

        String envelope = socket.send("interactive", p, false);

        assertTrue(socket.awaitAck(envelope, ACK).payload().isEmpty(), "a shortcut's ack is the envelope id alone");
        Investigation inv = awaitInvestigation(InvestigationSource.MESSAGE_SHORTCUT);
        assertEquals("1583636000.000100", inv.threadTs);
        await().atMost(Duration.ofSeconds(20)).until(() -> !slack.calls("chat.postMessage").isEmpty());
        assertTrue(slack.calls("chat.postMessage").stream().allMatch(c -> "1583636000.000100".equals(c.param("thread_ts"))));
    }

    @Test
    void markResolvedButton_interactive_acksAndSaysSoInTheThread() {
        socket.awaitAck(socket.send("slash_commands", slashCommand(SlashCommandFlowTest.PASTE), true), ACK);
        long id = awaitInvestigation(InvestigationSource.SLASH_COMMAND).id;
        await().atMost(Duration.ofSeconds(20)).until(() -> answered(id));
        Investigation inv = QuarkusTransaction.requiringNew().call(() -> Investigation.<Investigation>findById(id));
        assertFalse(inv.threadTs == null || inv.threadTs.isBlank());
        slack.reset();

        String envelope = socket.send("interactive",
                button("W111", "C111", NextAction.MARK_RESOLVED.id(), ActionPayload.of(inv.id, null).toJson()), false);

        assertTrue(socket.awaitAck(envelope, ACK).payload().isEmpty());
        await().atMost(Duration.ofSeconds(20)).until(() -> !slack.calls("chat.postMessage").isEmpty());
        FakeSlackApi.Call said = slack.calls("chat.postMessage").get(0);
        assertTrue(said.param("text").contains("marked this resolved"), said.param("text"));
        assertEquals(inv.threadTs, said.param("thread_ts"));
    }

    @Test
    void mention_eventsApi_ackedEachTimeAndDiagnosedOnce() {
        ObjectNode event = JSON.createObjectNode();
        String eventId = "Ev" + IDS.incrementAndGet();
        event.put("token", "fixed-value").put("team_id", "T111").put("api_app_id", "A111")
                .put("type", "event_callback").put("event_id", eventId).put("event_time", 1605853844)
                .put("is_ext_shared_channel", false).put("event_context", "1-app_mention-T111-C111");
        event.putObject("event").put("client_msg_id", "1748313e-912c-4942-a562-99754707692c")
                .put("type", "app_mention").put("text", "<@UBOT1> " + WaysInFlowTest.PASTE).put("user", "W222")
                .put("ts", "1605853844.000800").put("team", "T111").put("channel", "C111")
                .put("event_ts", "1605853844.000800");
        event.putArray("authorizations").addObject().putNull("enterprise_id").put("team_id", "T111")
                .put("user_id", "UBOT1").put("is_bot", true).put("is_enterprise_install", false);

        String first = socket.send("events_api", event, false, 0);
        String retry = socket.send("events_api", event, false, 1);

        assertTrue(socket.awaitAck(first, ACK).payload().isEmpty());
        assertTrue(socket.awaitAck(retry, ACK).payload().isEmpty(), "a re-delivery is acknowledged too");
        Investigation inv = awaitInvestigation(InvestigationSource.MENTION);
        assertEquals("1605853844.000800", inv.threadTs);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> Investigation.count()) == 1);
    }

    @Test
    void appHomeOpened_eventsApi_publishesTheHome() {
        ObjectNode event = JSON.createObjectNode();
        event.put("token", "fixed-value").put("team_id", "T111").put("api_app_id", "A111")
                .put("type", "event_callback").put("event_id", "EvHOME" + IDS.incrementAndGet()).put("event_time", 1599616881);
        event.putArray("authorizations").addObject().put("team_id", "T111").put("user_id", "UBOT1").put("is_bot", true);
        event.putObject("event").put("type", "app_home_opened").put("user", "W111").put("channel", "D0HOME1")
                .put("tab", "home").put("event_ts", "1700000100.000100");

        assertTrue(socket.awaitAck(socket.send("events_api", event, false, 0), ACK).payload().isEmpty());

        await().atMost(Duration.ofSeconds(20)).until(() -> !slack.calls("views.publish").isEmpty());
        assertEquals("W111", slack.calls("views.publish").get(0).param("user_id"));
    }

    @Test
    void droppedConnection_reconnectsThroughAppsConnectionsOpen() {
        int before = socket.connectionsOpened();
        int opens = slack.calls("apps.connections.open").size();

        socket.dropConnections();

        await().atMost(Duration.ofSeconds(20)).until(() -> socket.connectionsOpened() > before && socket.connected());
        assertTrue(slack.calls("apps.connections.open").size() > opens, "a new URL for each new connection");
        assertHelpAnswered();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/q/health/group/slack").then()
                .statusCode(200).body("status", equalTo("UP")));
    }

    @Test
    void droppedConnection_whileAppsConnectionsOpenFails_healthDownUntilItReconnects() {
        int before = socket.connectionsOpened();
        // ok:false from apps.connections.open until the outage is over: Bolt's own session monitor would stop for
        // good at the first one and never reconnect.
        slack.failNext("apps.connections.open", Collections.nCopies(10_000, "internal_error").toArray(String[]::new));

        socket.dropConnections();

        // Two calls: the first failure was handled before the second was made.
        await().atMost(Duration.ofSeconds(20)).until(() -> slack.calls("apps.connections.open").size() >= 2);
        given().get("/q/health/group/slack").then()
                .statusCode(503)
                .body("checks.find { it.name == 'slack-connection' }.data.socketModeConnected", equalTo(false))
                .body("checks.find { it.name == 'slack-connection' }.data.socketModeProblem",
                        containsString("internal_error"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("aksdoctor_slack_socket_connected 0.0"));
        await().atMost(Duration.ofSeconds(20)).until(() -> slack.calls("apps.connections.open").size() >= 3);
        assertEquals(before, socket.connectionsOpened(), "no URL, no connection");
        slack.reset();

        await().atMost(Duration.ofSeconds(20)).until(() -> socket.connectionsOpened() > before && socket.connected());
        assertHelpAnswered();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/q/health/group/slack").then()
                .statusCode(200).body("status", equalTo("UP")));
    }

    @Test
    void slackEventsEndpoint_withoutSigningSecret_is404SayingWhy() {
        SlackRequests.postSignedForm(SlackRequests.slashCommandForm("help", slack.responseUrl("1")))
                .then().statusCode(404).body(containsString("Socket Mode")).body(containsString("SLACK_SIGNING_SECRET"));
        assertTrue(slack.callsBesidesAuth().isEmpty());
    }

    @Test
    void health_showsSocketModeAndTheConnection() {
        // The first health request after start-up builds every check; on a busy 2-core machine that takes a while.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then()
                .statusCode(200)
                .body("checks.find { it.name == 'slack' }.data.mode", equalTo("socket"))
                .body("checks.find { it.name == 'slack' }.data.socketModeConnected", equalTo(true)));
        given().get("/q/health/group/slack").then().statusCode(200)
                .body("checks.name", hasItem("slack-connection"))
                .body("checks.find { it.name == 'slack-connection' }.status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("aksdoctor_slack_socket_connected 1.0"));
    }

    // ---------------------------------------------------------------- envelopes' payloads, as Slack sends them

    private void assertHelpAnswered() {
        String envelope = socket.send("slash_commands", slashCommand("help"), true);
        JsonNode payload = socket.awaitAck(envelope, ACK).payload().orElseThrow();
        assertEquals("ephemeral", payload.path("response_type").asText());
        assertTrue(payload.path("blocks").get(0).path("text").path("text").asText().contains("Paste an AKS error"),
                payload::toString);
    }

    /** A slash command's payload: the HTTP form's fields, as a JSON object. */
    private ObjectNode slashCommand(String text) {
        ObjectNode p = JSON.createObjectNode();
        p.put("token", "fixed-value").put("team_id", "T111").put("team_domain", "test-domain")
                .put("channel_id", "C111").put("channel_name", "aks-oncall").put("user_id", "W111")
                .put("user_name", "primary-owner").put("command", "/aks-doctor").put("text", text)
                .put("api_app_id", "A111").put("is_enterprise_install", "false")
                .put("response_url", slack.responseUrl("commands/" + IDS.incrementAndGet()))
                .put("trigger_id", "111.222." + IDS.incrementAndGet());
        return p;
    }

    private ObjectNode button(String user, String channel, String actionId, String value) {
        ObjectNode p = JSON.createObjectNode();
        p.put("type", "block_actions");
        p.putObject("user").put("id", user).put("username", "someone").put("name", "someone").put("team_id", "T111");
        p.put("api_app_id", "A111").put("token", "fixed-value");
        p.putObject("container").put("type", "message").put("message_ts", "1700000000.000200")
                .put("channel_id", channel).put("is_ephemeral", false);
        p.put("trigger_id", "111.222." + IDS.incrementAndGet());
        p.putObject("team").put("id", "T111").put("domain", "example");
        p.putObject("channel").put("id", channel).put("name", "aks-oncall");
        p.put("response_url", slack.responseUrl("actions/" + IDS.get()));
        ObjectNode action = p.putArray("actions").addObject();
        action.put("action_id", actionId).put("block_id", "next_steps").put("value", value).put("type", "button")
                .put("action_ts", "1700000001.000100");
        action.putObject("text").put("type", "plain_text").put("text", actionId);
        return p;
    }

    private static Investigation awaitInvestigation(InvestigationSource source) {
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                Investigation.count("source", source)) >= 1);
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Investigation> all = Investigation.list("source", source);
            assertEquals(1, all.size());
            return all.get(0);
        });
    }

    private static boolean answered(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Investigation.<Investigation>findById(id).answeredAt != null);
    }
}
