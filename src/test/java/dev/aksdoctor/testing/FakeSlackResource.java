package dev.aksdoctor.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts a {@link FakeSlackApi} for a @QuarkusTest and points the app at it with a known signing secret
 * and bot token. Inject it into tests with {@code @InjectFakeSlack}.
 */
public class FakeSlackResource implements QuarkusTestResourceLifecycleManager {

    public static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    public static final String BOT_TOKEN = "xoxb-1111-2222-fake-test-token";

    private FakeSlackApi slack;

    @Override
    public Map<String, String> start() {
        slack = new FakeSlackApi();
        return Map.of(
                "slack.signing-secret", SIGNING_SECRET,
                "slack.bot-token", BOT_TOKEN,
                "slack.api-url", slack.apiUrl(),
                // Pacing is covered by its own tests; here it would only slow bursts down.
                "slack.channel-post-interval", "0s");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(slack, new TestInjector.AnnotatedAndMatchesType(InjectFakeSlack.class, FakeSlackApi.class));
    }

    @Override
    public void stop() {
        if (slack != null) {
            slack.close();
        }
    }
}
