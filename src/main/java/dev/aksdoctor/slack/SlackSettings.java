package dev.aksdoctor.slack;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Slack settings. The keys map to Bolt's own environment names: {@code SLACK_SIGNING_SECRET},
 * {@code SLACK_BOT_TOKEN}, {@code SLACK_API_URL}.
 */
@ConfigMapping(prefix = "slack")
public interface SlackSettings {

    Optional<String> signingSecret();

    Optional<String> botToken();

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

    default boolean configured() {
        return signingSecret().filter(s -> !s.isBlank()).isPresent()
                && botToken().filter(s -> !s.isBlank()).isPresent();
    }
}
