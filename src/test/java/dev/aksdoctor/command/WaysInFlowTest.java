package dev.aksdoctor.command;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aksdoctor.investigation.Investigation;
import dev.aksdoctor.investigation.InvestigationSource;
import dev.aksdoctor.investigation.InvestigationStatus;
import dev.aksdoctor.testing.FakeSlackApi;
import dev.aksdoctor.testing.FakeSlackResource;
import dev.aksdoctor.testing.InjectFakeSlack;
import dev.aksdoctor.testing.SlackRequests;
import dev.aksdoctor.testing.SlackSigner;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(SlackFlowProfile.class)
@WithTestResource(FakeSlackResource.class)
class WaysInFlowTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PASTE = "Code=\"VMExtensionError_K8SAPIServerConnFail\" Message=\"VM has reported a failure when "
            + "processing extension 'vmssCSE'. Error: command terminated with exit status=51\"";
    static final AtomicInteger IDS = new AtomicInteger();

    @InjectFakeSlack
    FakeSlackApi slack;

    @jakarta.inject.Inject
    dev.aksdoctor.investigation.InvestigationStore store;

    @BeforeEach
    void reset() {
        FlowReset.awaitingInvestigations(Duration.ofSeconds(60)).slack(slack).run();
    }

    @Test
    void messageShortcut_onThreadReply_answersInThatThread() {
        ObjectNode p = JSON.createObjectNode();
        p.put("type", "message_action").put("token", "legacy-fixed-value").put("action_ts", "1583637157.207593");
        p.putObject("team").put("id", "T111").put("domain", "test-test");
        p.putObject("user").put("id", "U123").put("name", "test-test");
        p.putObject("channel").put("id", "C123").put("name", "dev");
        // A message of its own: the de-duplication table outlives a test class, and Socket Mode's flow test
        // diagnoses a reply of the same shape.
        String messageTs = "1583636382." + String.format("%06d", 300 + IDS.incrementAndGet());
        p.put("callback_id", "diagnose_message").put("trigger_id", "123.123." + IDS.incrementAndGet())
                .put("message_ts", messageTs);
        p.putObject("message").put("type", "message").put("text", PASTE).put("user", "U234")
                .put("ts", messageTs).put("thread_ts", "1583636000.000100");
        p.put("response_url", slack.responseUrl("shortcut"));

        SlackRequests.postSignedForm(form(p)).then().statusCode(200);

        Investigation inv = awaitOne(InvestigationSource.MESSAGE_SHORTCUT);
        assertEquals("1583636000.000100", inv.threadTs, "a reply's shortcut answers in the thread it belongs to");
        assertEquals("U123", inv.requester);
        await().atMost(Duration.ofSeconds(60)).until(() -> !slack.calls("chat.postMessage").isEmpty());
        assertTrue(slack.calls("chat.postMessage").stream().allMatch(c -> "1583636000.000100".equals(c.param("thread_ts"))));
    }

    @Test
    void mention_inThreadWithoutError_diagnosesTheRootMessage_retryProcessedOnce() {
        slack.threadRoot("C111", "1726133698.626339", PASTE);
        String body = mentionEvent("Ev" + IDS.incrementAndGet(), "<@UBOT1> can you look at this?");

        signedJson(body, null).then().statusCode(200);
        signedJson(body, "1").then().statusCode(200);
        signedJson(body, "2").then().statusCode(200);

        Investigation inv = awaitOne(InvestigationSource.MENTION);
        assertEquals("1726133698.626339", inv.threadTs);
        assertTrue(inv.textRedacted.contains("exit status=51"), "the thread's root was diagnosed");
        assertEquals(1, slack.calls("conversations.replies").size());
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> Investigation.count()) == 1);
    }

    @Test
    void mention_withOwnError_diagnosesItsOwnText() {
        signedJson(mentionEvent("Ev" + IDS.incrementAndGet(), "<@UBOT1> " + PASTE), null).then().statusCode(200);
        Investigation inv = awaitOne(InvestigationSource.MENTION);
        assertTrue(inv.textRedacted.contains("exit status=51"));
        assertTrue(slack.calls("conversations.replies").isEmpty());
    }

    @Test
    void autodetect_onInChannel_diagnosesErrorMessagesOnlyAndIgnoresBots() throws Exception {
        SlackRequests.postSignedForm(SlackRequests.slashCommandForm("autodetect on", slack.responseUrl("1")))
                .then().statusCode(200);
        signedJson(messageEvent("Ev" + IDS.incrementAndGet(), "W222", null, "lunch anyone?"), null).then().statusCode(200);
        signedJson(messageEvent("Ev" + IDS.incrementAndGet(), null, "B111", PASTE), null).then().statusCode(200);
        String event = messageEvent("Ev" + IDS.incrementAndGet(), "W222", null, PASTE);
        signedJson(event, null).then().statusCode(200);
        signedJson(event, "1").then().statusCode(200);

        Investigation inv = awaitOne(InvestigationSource.AUTODETECT);
        assertEquals(JSON.readTree(event).path("event").path("ts").asText(), inv.threadTs,
                "a top-level message is answered in its own thread");
    }

    @Test
    void autodetect_off_errorMessageIgnored() {
        SlackRequests.postSignedForm(SlackRequests.slashCommandForm("autodetect off", slack.responseUrl("1")))
                .then().statusCode(200);
        signedJson(messageEvent("Ev" + IDS.incrementAndGet(), "W222", null, PASTE), null).then().statusCode(200);
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> Investigation.count()));
    }

    @Test
    void mention_inTheBotsAnswerThread_reusesThatInvestigationsCluster() {
        String thread = "1726133698.626339";
        long earlier = store.open("W111", "C111", thread, InvestigationSource.SLASH_COMMAND,
                PASTE + "\n" + dev.aksdoctor.azure.ArmWorld.CLUSTER_ID);
        store.finish(earlier, InvestigationStatus.ANSWERED, "cause_found");
        slack.threadRoot("C111", thread, "<@W111> asked about VMExtensionError_K8SAPIServerConnFail");

        signedJson(mentionEvent("Ev" + IDS.incrementAndGet(), "<@UBOT1> and now?"), null).then().statusCode(200);

        Investigation inv = awaitOne(InvestigationSource.MENTION);
        assertEquals(thread, inv.threadTs);
        assertTrue(inv.textRedacted.contains(dev.aksdoctor.azure.ArmWorld.CLUSTER_ID), inv.textRedacted);
    }

    @Test
    void messageShortcut_onAMessageAutodetectAnswered_pointsToTheAnswerNoSecondInvestigation() throws Exception {
        SlackRequests.postSignedForm(SlackRequests.slashCommandForm("autodetect on", slack.responseUrl("1")))
                .then().statusCode(200);
        String event = messageEvent("Ev" + IDS.incrementAndGet(), "W222", null, PASTE);
        signedJson(event, null).then().statusCode(200);
        awaitOne(InvestigationSource.AUTODETECT);
        String ts = JSON.readTree(event).path("event").path("ts").asText();

        SlackRequests.postSignedForm(form(shortcut("C111", ts, null, PASTE))).then().statusCode(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> slack.calls("response_url").stream()
                .anyMatch(c -> c.rawBody().contains("already answered")));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> Investigation.count()) == 1);
    }

    @Test
    void messageShortcut_onTheBotsRootMessage_pointsToTheAnswerInItsThread() {
        String root = "1726133690.000100";
        long earlier = store.open("W111", "C111", root, InvestigationSource.SLASH_COMMAND,
                PASTE + "\n" + dev.aksdoctor.azure.ArmWorld.CLUSTER_ID);
        store.finish(earlier, InvestigationStatus.ANSWERED, "cause_found");

        SlackRequests.postSignedForm(form(shortcut("C111", root, null,
                "<@W111> asked about VMExtensionError_K8SAPIServerConnFail"))).then().statusCode(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> slack.calls("response_url").stream()
                .anyMatch(c -> c.rawBody().contains("already answered")));
        assertTrue(slack.calls("chat.postMessage").isEmpty(), "no second answer");
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> Investigation.count()));
    }

    @Test
    void messageShortcut_onAReplyInTheBotsThread_reusesThatInvestigationsCluster() {
        String root = "1726133691.000100";
        long earlier = store.open("W111", "C111", root, InvestigationSource.SLASH_COMMAND,
                PASTE + "\n" + dev.aksdoctor.azure.ArmWorld.CLUSTER_ID);
        store.finish(earlier, InvestigationStatus.ANSWERED, "cause_found");

        SlackRequests.postSignedForm(form(shortcut("C111", "1726133695.000300", root, "exit status=51 again on a node")))
                .then().statusCode(200);

        Investigation inv = awaitOne(InvestigationSource.MESSAGE_SHORTCUT);
        assertEquals(root, inv.threadTs);
        assertTrue(inv.textRedacted.contains(dev.aksdoctor.azure.ArmWorld.CLUSTER_ID), inv.textRedacted);
    }

    private ObjectNode shortcut(String channel, String messageTs, String threadTs, String text) {
        ObjectNode p = JSON.createObjectNode();
        p.put("type", "message_action").put("token", "legacy-fixed-value").put("action_ts", "1583637157.207593");
        p.putObject("team").put("id", "T111").put("domain", "test-test");
        p.putObject("user").put("id", "U123").put("name", "test-test");
        p.putObject("channel").put("id", channel).put("name", "dev");
        p.put("callback_id", "diagnose_message").put("trigger_id", "123.123." + IDS.incrementAndGet())
                .put("message_ts", messageTs);
        ObjectNode m = p.putObject("message").put("type", "message").put("text", text).put("user", "U234")
                .put("ts", messageTs);
        if (threadTs != null) {
            m.put("thread_ts", threadTs);
        }
        p.put("response_url", slack.responseUrl("shortcut"));
        return p;
    }

    private static Investigation awaitOne(InvestigationSource source) {
        await().atMost(Duration.ofSeconds(60)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                Investigation.count("source", source)) >= 1);
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Investigation> all = Investigation.list("source", source);
            assertEquals(1, all.size());
            return all.get(0);
        });
    }

    private static String form(ObjectNode payload) {
        return "payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8);
    }

    private static String mentionEvent(String eventId, String text) {
        ObjectNode e = envelope(eventId);
        e.putObject("event").put("type", "app_mention").put("user", "W222").put("text", text)
                .put("ts", nextTs()).put("thread_ts", "1726133698.626339").put("channel", "C111")
                .put("event_ts", "1726133700.887259");
        return e.toString();
    }

    private static String messageEvent(String eventId, String user, String botId, String text) {
        ObjectNode e = envelope(eventId);
        ObjectNode ev = e.putObject("event").put("type", "message").put("text", text).put("ts", nextTs())
                .put("channel", "C111").put("event_ts", "1726133700.887259").put("channel_type", "channel");
        if (user != null) {
            ev.put("user", user);
        }
        if (botId != null) {
            ev.put("bot_id", botId).put("subtype", "bot_message");
        }
        return e.toString();
    }

    private static String nextTs() {
        return String.format("1726133700.%06d", IDS.incrementAndGet());
    }

    private static ObjectNode envelope(String eventId) {
        ObjectNode e = JSON.createObjectNode();
        e.put("token", "verification_token").put("team_id", "T111").put("api_app_id", "A111")
                .put("type", "event_callback").put("event_id", eventId).put("event_time", 1599616881);
        e.putArray("authorizations").addObject().put("team_id", "T111").put("user_id", "UBOT1").put("is_bot", true);
        return e;
    }

    private static io.restassured.response.Response signedJson(String body, String retryNum) {
        SlackSigner.Signed signed = SlackRequests.SIGNER.signNow(body);
        var spec = SlackRequests.raw().contentType(ContentType.JSON.withCharset(StandardCharsets.UTF_8))
                .header("X-Slack-Request-Timestamp", signed.timestamp())
                .header("X-Slack-Signature", signed.signature());
        if (retryNum != null) {
            spec = spec.header("X-Slack-Retry-Num", retryNum).header("X-Slack-Retry-Reason", "http_timeout");
        }
        return spec.body(body.getBytes(StandardCharsets.UTF_8)).post("/slack/events");
    }
}
