package dev.aksdoctor.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.util.SlackRequestParser;
import io.quarkus.arc.All;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Builds the Bolt {@link App} from Quarkus configuration, or none when Slack is not configured. */
@Singleton
@Startup
public class SlackBolt {

    private static final Logger LOG = Logger.getLogger(SlackBolt.class);

    private final SlackSettings settings;
    private final Optional<App> app;
    private final Optional<SlackRequestVerifier> verifier;
    private final Optional<SlackRequestParser> parser;
    private final Slack slack;

    public SlackBolt(SlackSettings settings, @All List<SlackRoute> routes) {
        this.settings = settings;
        this.slack = Slack.getInstance(slackConfig(settings));
        if (!settings.configured()) {
            LOG.warn("Slack is not configured: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN (the app's signing "
                    + "secret and xoxb- bot token). /slack/events answers 503 until then; /api/diagnoses works.");
            this.app = Optional.empty();
            this.verifier = Optional.empty();
            this.parser = Optional.empty();
            return;
        }
        AppConfig config = AppConfig.builder()
                .signingSecret(settings.signingSecret().orElseThrow())
                .singleTeamBotToken(settings.botToken().orElseThrow())
                .slack(slack)
                // Verified before Bolt by SlackEventsServlet, over the raw bytes and in both directions.
                .requestVerificationEnabled(false)
                // Events we do not handle are acknowledged instead of answered 404, which Slack would retry.
                .allEventsApiAutoAckEnabled(true)
                .subtypedMessageEventsAutoAckEnabled(true)
                .build();
        App built = new App(config);
        routes.forEach(route -> route.register(built));
        this.app = Optional.of(built);
        this.verifier = Optional.of(new SlackRequestVerifier(settings.signingSecret().orElseThrow(),
                settings.requestTolerance()));
        // One parser for all requests: each holds a Gson whose reflective adapters are built on first use.
        this.parser = Optional.of(new SlackRequestParser(config));
    }

    private static SlackConfig slackConfig(SlackSettings settings) {
        SlackConfig config = new SlackConfig();
        String url = settings.apiUrl().endsWith("/") ? settings.apiUrl() : settings.apiUrl() + "/";
        config.setMethodsEndpointUrlPrefix(url);
        config.setPrettyResponseLoggingEnabled(false);
        return config;
    }

    public Optional<App> app() {
        return app;
    }

    public Optional<SlackRequestVerifier> verifier() {
        return verifier;
    }

    public Optional<SlackRequestParser> parser() {
        return parser;
    }

    /** The Web API client, configured for {@code SLACK_API_URL} (usable only when a token is set). */
    public Slack slack() {
        return slack;
    }

    public Optional<String> botToken() {
        return settings.botToken().filter(t -> !t.isBlank());
    }
}
