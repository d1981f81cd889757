package dev.aksdoctor.slack;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aksdoctor.testing.FakeSlackApi;
import dev.aksdoctor.testing.FakeSocketModeServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Socket Mode lifecycle without Quarkus: connecting after start, retrying, and closing on shutdown. */
class SlackSocketModeTest {

    static final String APP_TOKEN = "xapp-1-A111-1111-fake";

    /** What these tests provoke is captured and asserted, and kept off the console. */
    static final List<String> CAPTURED_LOGGERS = List.of("dev.aksdoctor.slack", "com.slack.api");

    FakeSocketModeServer socket;
    FakeSlackApi slack;
    SlackSocketMode socketMode;
    final List<String> warnings = new CopyOnWriteArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record.getLoggerName() + ": " + new SimpleFormatter().formatMessage(record));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void start() {
        for (String name : CAPTURED_LOGGERS) {
            Logger logger = Logger.getLogger(name);
            logger.setUseParentHandlers(false);
            logger.addHandler(capture);
        }
        socket = new FakeSocketModeServer();
        slack = new FakeSlackApi();
        slack.socketModeUrls(socket::issueUrl);
    }

    @AfterEach
    void stop() {
        if (socketMode != null) {
            socketMode.stop(null);
        }
        slack.close();
        socket.close();
        for (String name : CAPTURED_LOGGERS) {
            Logger logger = Logger.getLogger(name);
            logger.removeHandler(capture);
            logger.setUseParentHandlers(true);
        }
    }

    @Test
    void start_connectsInTheBackground_shutdownSaysGoodbyeAndStaysGone() {
        socketMode = socketMode(APP_TOKEN);
        socketMode.start(null);
        await().atMost(Duration.ofSeconds(10)).until(() -> socket.connected() && socketMode.status().connected());
        // (The SDK's own call statistics add auth.test calls of their own, for each token's team.)
        FakeSlackApi.Call first = slack.calls().get(0);
        assertEquals("auth.test", first.method(), "the bot token is checked first");
        assertEquals("Bearer xoxb-1111-2222-fake", first.param("_authorization"));
        assertEquals("Bearer " + APP_TOKEN, slack.last("apps.connections.open").orElseThrow().param("_authorization"));

        socketMode.stop(null);

        await().atMost(Duration.ofSeconds(5)).until(() -> !socket.connected());
        assertEquals(List.of(1000), socket.closeCodes(), "a normal close, not a dropped connection");
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2))
                .until(() -> socket.connectionsOpened() == 1 && slack.calls("apps.connections.open").size() == 1);
        assertEquals(List.of(), warnings);
    }

    @Test
    void start_slackRefusesAtFirst_retriesUntilConnected() {
        slack.failNext("apps.connections.open", "internal_error");
        socketMode = socketMode(APP_TOKEN);
        socketMode.start(null);

        await().atMost(Duration.ofSeconds(5)).until(() -> socketMode.status().problem().isPresent());
        assertTrue(socketMode.status().problem().get().contains("internal_error"), socketMode.status().toString());
        assertFalse(socketMode.status().connected());
        await().atMost(Duration.ofSeconds(10)).until(() -> socket.connected() && socketMode.status().connected());
        assertEquals(2, slack.calls("apps.connections.open").size(), "one retry, a second later");
        assertTrue(socketMode.status().problem().isEmpty());
        assertEquals(1, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).contains("could not connect") && warnings.get(0).contains("internal_error"),
                warnings::toString);
    }

    @Test
    void start_botTokenInPlaceOfTheAppToken_staysOffAndSaysWhy() {
        socketMode = socketMode("xoxb-not-an-app-token");
        socketMode.start(null);

        assertTrue(socketMode.status().enabled());
        assertFalse(socketMode.status().connected());
        assertTrue(socketMode.status().problem().orElseThrow().contains("xapp-"));
        assertTrue(slack.calls().isEmpty(), "nothing is sent to Slack");
        assertEquals(1, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).contains("connections:write"), "says which token to create: " + warnings);
    }

    @Test
    void envelopes_unhandledEventAcknowledged_shortcutWithoutRouteNot() throws Exception {
        socketMode = socketMode(APP_TOKEN);
        socketMode.start(null);
        await().atMost(Duration.ofSeconds(10)).until(() -> socketMode.status().connected());

        // A shortcut no route registers: Bolt answers 404 and, as over HTTP, Slack is not told it worked. An event
        // nobody handles is acknowledged (allEventsApiAutoAckEnabled), so Slack does not retry it.
        String envelope = socket.send("interactive", new ObjectMapper().readTree("{\"type\":\"shortcut\","
                + "\"callback_id\":\"nobody_handles_this\",\"trigger_id\":\"1.2.3\",\"team\":{\"id\":\"T111\"},"
                + "\"user\":{\"id\":\"U111\",\"team_id\":\"T111\"},\"token\":\"x\",\"action_ts\":\"1.2\"}"), false);
        String event = socket.send("events_api", new ObjectMapper().readTree("{\"type\":\"event_callback\","
                + "\"team_id\":\"T111\",\"api_app_id\":\"A111\",\"event_id\":\"Ev1\",\"event_time\":1,"
                + "\"event\":{\"type\":\"reaction_added\",\"user\":\"U111\",\"reaction\":\"eyes\",\"event_ts\":\"1.2\"}}"),
                false, 0);

        socket.awaitAck(event, Duration.ofSeconds(10));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(() -> socket.ack(envelope).isEmpty());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("nobody_handles_this")), "Bolt names what it could not route");
    }

    private SlackSocketMode socketMode(String appToken) {
        SlackSettings settings = new SmallRyeConfigBuilder().withMapping(SlackSettings.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(Map.of(
                        "slack.bot-token", "xoxb-1111-2222-fake",
                        "slack.app-token", appToken,
                        "slack.api-url", slack.apiUrl(),
                        "slack.socket-mode-check-interval", "200ms"), "test"))
                .build().getConfigMapping(SlackSettings.class);
        SlackBolt bolt = new SlackBolt(settings, List.of());
        bolt.slack().getConfig().setProxyUrl(null);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        // No slash command is sent here, so the de-duplication table is never consulted.
        return new SlackSocketMode(bolt, settings, new SlackMetrics(registry), new AckPriority(),
                new SlackAdmission(bolt, new SlackDeliveries(null, Clock.systemUTC())), Clock.systemUTC(), registry);
    }
}
