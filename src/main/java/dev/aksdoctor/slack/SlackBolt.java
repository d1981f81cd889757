package dev.aksdoctor.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.builtin.IgnoringSelfEvents;
import com.slack.api.bolt.middleware.builtin.SSLCheck;
import com.slack.api.bolt.middleware.builtin.SingleTeamAuthorization;
import com.slack.api.bolt.util.SlackRequestParser;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import io.quarkus.arc.All;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
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
    private volatile AuthTestResponse identity;

    public SlackBolt(SlackSettings settings, @All List<SlackRoute> routes) {
        this.settings = settings;
        this.slack = Slack.getInstance(slackConfig(settings));
        if (!settings.configured()) {
            LOG.warn(notConfigured(settings));
            this.app = Optional.empty();
            this.verifier = Optional.empty();
            this.parser = Optional.empty();
            return;
        }
        AppConfig config = AppConfig.builder()
                // Absent in Socket Mode alone: envelopes arrive over a WebSocket whose URL only the app token
                // could obtain, and carry no signature.
                .signingSecret(settings.signingSecret().filter(s -> !s.isBlank()).orElse(null))
                .singleTeamBotToken(settings.botToken().orElseThrow())
                .slack(slack)
                // Verified before Bolt by SlackEventsServlet, over the raw bytes and in both directions.
                .requestVerificationEnabled(false)
                // Events we do not handle are acknowledged instead of answered 404, which Slack would retry.
                .allEventsApiAutoAckEnabled(true)
                .subtypedMessageEventsAutoAckEnabled(true)
                .build();
        App built = new App(config, slack, middlewares(config));
        routes.forEach(route -> route.register(built));
        this.app = Optional.of(built);
        this.verifier = settings.httpEnabled()
                ? Optional.of(new SlackRequestVerifier(settings.signingSecret().orElseThrow(), settings.requestTolerance()))
                : Optional.empty();
        // One parser for all requests: each holds a Gson whose reflective adapters are built on first use.
        this.parser = Optional.of(new SlackRequestParser(config));
    }

    /**
     * Bolt's own middleware list, in its order, except that the authorization asks {@link #authTest()}: Bolt's
     * default calls auth.test when the app starts and again on the first request (its cache starts out expired),
     * then every ten minutes, besides the one the gateway needs for the workspace URL.
     */
    private List<Middleware> middlewares(AppConfig config) {
        List<Middleware> list = new ArrayList<>();
        if (config.isSslCheckEnabled()) {
            list.add(new SSLCheck(config.getVerificationToken()));
        }
        list.add(new SingleTeamAuthorization(config, null) {
            @Override
            protected AuthTestResponse callAuthTest(String token, AppConfig appConfig, MethodsClient client)
                    throws IOException, SlackApiException {
                return authTest();
            }
        });
        if (config.isIgnoringSelfEventsEnabled()) {
            list.add(new IgnoringSelfEvents(slack.getConfig(), config.isIgnoringSelfAssistantMessageEventsEnabled()));
        }
        return list;
    }

    /**
     * Slack's auth.test for the bot token (team, bot user, workspace URL): asked when first needed and kept for the
     * life of the process, shared by Bolt's authorization and the gateway. An error answer is not kept.
     */
    public AuthTestResponse authTest() throws IOException, SlackApiException {
        AuthTestResponse known = identity;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (identity == null) {
                String token = botToken().orElseThrow(() -> new IllegalStateException("SLACK_BOT_TOKEN is not set"));
                AuthTestResponse answer = slack.methods().authTest(r -> r.token(token));
                if (!answer.isOk()) {
                    return answer;
                }
                identity = answer;
            }
            return identity;
        }
    }

    /** The one start-up warning when neither way in is complete, naming what is missing. */
    static String notConfigured(SlackSettings settings) {
        boolean secret = settings.signingSecret().filter(s -> !s.isBlank()).isPresent();
        boolean appToken = settings.appToken().filter(s -> !s.isBlank()).isPresent();
        if (secret || appToken) {
            return "Slack is not configured: SLACK_BOT_TOKEN (the app's xoxb- bot token) is missing; "
                    + (appToken ? "Socket Mode" : "/slack/events") + " stays off until it is set. /api/diagnoses works.";
        }
        return "Slack is not configured: set SLACK_BOT_TOKEN (the app's xoxb- bot token) and either "
                + "SLACK_SIGNING_SECRET (Slack calls /slack/events) or SLACK_APP_TOKEN (xapp-…, Socket Mode: no public "
                + "URL needed). /slack/events answers 503 until then; /api/diagnoses works.";
    }

    private static SlackConfig slackConfig(SlackSettings settings) {
        SlackConfig config = new SlackConfig();
        String url = settings.apiUrl().endsWith("/") ? settings.apiUrl() : settings.apiUrl() + "/";
        config.setMethodsEndpointUrlPrefix(url);
        config.setPrettyResponseLoggingEnabled(false);
        // The SDK's per-method call statistics are unused here, and keeping them costs an auth.test per token
        // (to learn the team id) on the first call.
        config.getMethodsConfig().setStatsEnabled(false);
        return config;
    }

    public Optional<App> app() {
        return app;
    }

    /** Present only when a signing secret is set: without one, /slack/events cannot tell Slack from anyone else. */
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

    /** The app-level token for Socket Mode, when Socket Mode is on. */
    public Optional<String> appToken() {
        return settings.socketModeEnabled() ? settings.appToken() : Optional.empty();
    }
}
