package dev.aksdoctor.slack;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Slack settings. The keys map to Bolt's own environment names: {@code SLACK_SIGNING_SECRET},
 * {@code SLACK_BOT_TOKEN}, {@code SLACK_APP_TOKEN}, {@code SLACK_API_URL}.
 *
 * <p>Two ways in, either or both: HTTP ({@code /slack/events}, signing secret and bot token) and Socket Mode (app
 * token and bot token: the service dials out to Slack, so it needs no public URL).
 */
@ConfigMapping(prefix = "slack")
public interface SlackSettings {

    Optional<String> signingSecret();

    Optional<String> botToken();

    /** App-level token ({@code xapp-…}, scope {@code connections:write}); when set, Slack is reached over Socket Mode. */
    Optional<String> appToken();

    /** Web API base URL; GovSlack and tests change it. */
    @WithDefault("https://slack.com/api/")
    String apiUrl();

    /** Slack refuses requests whose timestamp is further than this from now, in either direction. */
    @WithDefault("5m")
    Duration requestTolerance();

    /** How often a rate-limited or failed Web API call is retried before it is given up. */
    @WithDefault("3")
    int maxRetries();

    /**
     * Least time between two messages the bot posts in one channel: Slack allows about one per second per
     * channel and rate-limits bursts.
     */
    @WithDefault("1s")
    Duration channelPostInterval();

    /**
     * How many messages one channel may get at once before {@link #channelPostInterval()} spaces them: Slack
     * tolerates short bursts, and an answer's root message and its threaded "investigating…" belong together.
     */
    @WithDefault("3")
    int channelPostBurst();

    /** How many Socket Mode envelopes are acknowledged at once (HTTP requests have Undertow's workers instead). */
    @WithDefault("4")
    int socketModeConcurrency();

    /**
     * How often the Socket Mode connection is checked with a ping; a connection that does not answer within 3 s
     * is replaced by a new one from apps.connections.open.
     */
    @WithDefault("5s")
    Duration socketModeCheckInterval();

    /** Slack's HTTP requests are accepted on /slack/events: they can be verified and answered. */
    default boolean httpEnabled() {
        return signingSecret().filter(s -> !s.isBlank()).isPresent() && botToken().filter(s -> !s.isBlank()).isPresent();
    }

    /** The service connects to Slack over Socket Mode. */
    default boolean socketModeEnabled() {
        return appToken().filter(s -> !s.isBlank()).isPresent() && botToken().filter(s -> !s.isBlank()).isPresent();
    }

    default boolean configured() {
        return httpEnabled() || socketModeEnabled();
    }
}
