package dev.aksdoctor.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Slack over Socket Mode for a @QuarkusTest: a {@link FakeSlackApi} whose apps.connections.open points at a
 * {@link FakeSocketModeServer}, an app-level token and a bot token, and no signing secret. Inject both fakes with
 * {@code @InjectFakeSlack}.
 */
public class FakeSocketModeResource implements QuarkusTestResourceLifecycleManager {

    public static final String APP_TOKEN = "xapp-1-A111-1111-fake-app-token";

    private FakeSlackApi slack;
    private FakeSocketModeServer socket;

    @Override
    public Map<String, String> start() {
        socket = new FakeSocketModeServer();
        slack = new FakeSlackApi();
        slack.socketModeUrls(socket::issueUrl);
        return Map.of(
                "slack.app-token", APP_TOKEN,
                "slack.bot-token", FakeSlackResource.BOT_TOKEN,
                "slack.api-url", slack.apiUrl(),
                "slack.channel-post-interval", "0s",
                // Bolt's session monitor starts 5 s after connecting; then a lost connection is noticed this fast.
                "slack.socket-mode-check-interval", "200ms");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(slack, new TestInjector.AnnotatedAndMatchesType(InjectFakeSlack.class, FakeSlackApi.class));
        testInjector.injectIntoFields(socket,
                new TestInjector.AnnotatedAndMatchesType(InjectFakeSlack.class, FakeSocketModeServer.class));
    }

    @Override
    public void stop() {
        if (slack != null) {
            slack.close();
        }
        if (socket != null) {
            socket.close();
        }
    }
}
