package dev.aksdoctor.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.aksdoctor.testing.FakeSlackApi;
import dev.aksdoctor.testing.SlackRequests;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * auth.test is asked once per start, when first needed, and shared: by the admission's workspace check, by Bolt's
 * authorization of every request (whose own cache starts out expired and lasts ten minutes) and by the gateway's
 * workspace URL (App Home, thread links).
 */
class AuthTestOnceTest {

    private FakeSlackApi slack;

    @BeforeEach
    void start() {
        slack = new FakeSlackApi();
    }

    @AfterEach
    void stop() {
        slack.close();
    }

    @Test
    void startThenCommandsThenAppHome_oneAuthTest() throws Exception {
        SlackSettings settings = settings(slack.apiUrl());
        SlackRoute route = app -> app.command("/aks-doctor", (req, ctx) -> ctx.ack("Investigating… " + ctx.getBotUserId()));
        SlackBolt bolt = new SlackBolt(settings, List.of(route));
        SlackGateway gateway = new SlackGateway(bolt, settings, new SimpleMeterRegistry(), new Sleeper(),
                Clock.systemUTC());
        SlackAdmission admission = new SlackAdmission(bolt, new SlackDeliveries(null, Clock.systemUTC()) {
            @Override
            public boolean firstTime(String key) {
                return true;
            }
        });
        App app = bolt.app().orElseThrow();
        app.start();
        assertEquals(0, slack.calls("auth.test").size(), "none until needed");

        for (int i = 0; i < 3; i++) {
            SlashCommandRequest command = new SlashCommandRequest(SlackRequests.slashCommandForm("paste " + i,
                    slack.responseUrl("1")), new RequestHeaders(Map.of()));
            assertTrue(admission.refusal(command, "sig").isEmpty(), "from the installed workspace");
            Response ack = app.run(command);
            assertEquals(200, ack.getStatusCode().intValue(), ack.getBody());
            assertEquals(true, ack.getBody().contains("UBOT1"), "Bolt's context has the bot user: " + ack.getBody());
        }
        assertEquals("https://example.slack.com/", gateway.workspaceUrl());
        assertEquals("https://example.slack.com/", gateway.workspaceUrl());

        assertEquals(1, slack.calls("auth.test").size());
    }

    @Test
    void refusedToken_notKept_askedAgainNextTime() {
        SlackSettings settings = settings(slack.apiUrl());
        SlackBolt bolt = new SlackBolt(settings, List.of());
        SlackGateway gateway = new SlackGateway(bolt, settings, new SimpleMeterRegistry(), new Sleeper(),
                Clock.systemUTC());
        slack.failNext("auth.test", "invalid_auth");
        SlackCallFailed failed = assertThrows(SlackCallFailed.class, gateway::workspaceUrl);
        assertEquals("invalid_auth", failed.error());
        assertEquals("https://example.slack.com/", gateway.workspaceUrl());
        assertEquals(2, slack.calls("auth.test").size());
    }

    private static SlackSettings settings(String apiUrl) {
        Map<String, String> values = new HashMap<>();
        values.put("slack.api-url", apiUrl);
        values.put("slack.signing-secret", "test-signing-secret");
        values.put("slack.bot-token", "xoxb-test");
        return new SmallRyeConfigBuilder().withMapping(SlackSettings.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(values, "test"))
                .build().getConfigMapping(SlackSettings.class);
    }
}
