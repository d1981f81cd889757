package dev.aksdoctor.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.bolt.response.Response;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which ways in a set of Slack settings opens, and what the one start-up warning says when none. */
class SlackBoltModesTest {

    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final String BOT = "xoxb-1111-2222-fake";
    static final String APP = "xapp-1-A111-1111-fake";

    @Test
    void appAndBotToken_socketModeOnly_noVerifierSoSlackEventsIsOff() {
        SlackBolt bolt = new SlackBolt(settings(null, BOT, APP), List.of());
        assertTrue(bolt.app().isPresent());
        assertEquals(Optional.of(APP), bolt.appToken());
        assertTrue(bolt.verifier().isEmpty(), "without a signing secret /slack/events cannot verify anything");
        assertEquals("socket", SlackHealthCheck.mode(settings(null, BOT, APP)));
    }

    @Test
    void appTokenAndSigningSecret_bothWaysIn() {
        SlackBolt bolt = new SlackBolt(settings(SECRET, BOT, APP), List.of());
        assertTrue(bolt.verifier().isPresent());
        assertTrue(bolt.appToken().isPresent());
        assertEquals("socket+http", SlackHealthCheck.mode(settings(SECRET, BOT, APP)));
    }

    @Test
    void signingSecretAndBotToken_httpOnly() {
        SlackBolt bolt = new SlackBolt(settings(SECRET, BOT, null), List.of());
        assertTrue(bolt.verifier().isPresent());
        assertTrue(bolt.appToken().isEmpty());
        assertEquals("http", SlackHealthCheck.mode(settings(SECRET, BOT, null)));
    }

    @Test
    void appTokenWithoutBotToken_notConfigured_warningNamesTheBotToken() {
        SlackSettings settings = settings(null, null, APP);
        assertTrue(new SlackBolt(settings, List.of()).app().isEmpty());
        assertFalse(settings.configured());
        String warning = SlackBolt.notConfigured(settings);
        assertTrue(warning.contains("SLACK_BOT_TOKEN") && warning.contains("Socket Mode"), warning);
    }

    @Test
    void nothingSet_warningOffersBothModes() {
        String warning = SlackBolt.notConfigured(settings(null, null, null));
        assertTrue(warning.contains("SLACK_SIGNING_SECRET") && warning.contains("SLACK_APP_TOKEN"), warning);
    }

    @Test
    void ack_jsonBody_becomesThePayload() throws Exception {
        Response json = Response.json(200, Map.of("response_type", "ephemeral", "text", "Investigating…"));
        ObjectMapper mapper = new ObjectMapper();
        assertEquals(mapper.readTree("{\"envelope_id\":\"e1\",\"payload\":{\"response_type\":\"ephemeral\","
                + "\"text\":\"Investigating…\"}}"), mapper.readTree(SlackSocketMode.ack("e1", json)));
    }

    @Test
    void ack_textBody_becomesATextPayload_noBody_envelopeIdAlone() {
        assertEquals("{\"envelope_id\":\"e2\",\"payload\":{\"text\":\"ok\"}}", SlackSocketMode.ack("e2", Response.ok("ok")));
        assertEquals("{\"envelope_id\":\"e3\"}", SlackSocketMode.ack("e3", Response.ok()));
    }

    /** Built the way Quarkus builds it, so defaults added to SlackSettings later need no change here. */
    private static SlackSettings settings(String secret, String bot, String app) {
        Map<String, String> values = new HashMap<>();
        values.put("slack.api-url", "http://127.0.0.1:9/api/");
        if (secret != null) {
            values.put("slack.signing-secret", secret);
        }
        if (bot != null) {
            values.put("slack.bot-token", bot);
        }
        if (app != null) {
            values.put("slack.app-token", app);
        }
        return new SmallRyeConfigBuilder().withMapping(SlackSettings.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(values, "test"))
                .build().getConfigMapping(SlackSettings.class);
    }
}
