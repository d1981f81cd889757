package dev.aksdoctor.slack;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports how Slack reaches the service and, in Socket Mode, whether the connection is up. Always UP: the service
 * is useful without Slack (the API works), readiness must follow the database only, and a Slack outage must not
 * take every replica out of its Service or stall a rolling update. {@link SlackConnectionHealthCheck} is the one
 * that goes DOWN, for alerting.
 */
@Readiness
@ApplicationScoped
public class SlackHealthCheck implements HealthCheck {

    private final SlackSettings settings;
    private final SlackSocketMode socketMode;

    public SlackHealthCheck(SlackSettings settings, SlackSocketMode socketMode) {
        this.settings = settings;
        this.socketMode = socketMode;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("slack").up()
                .withData("configured", settings.configured())
                .withData("mode", mode(settings))
                .withData("detail", detail(settings))
                .withData("apiUrl", settings.apiUrl());
        SlackConnectionHealthCheck.describe(socketMode.status(), response);
        return response.build();
    }

    static String mode(SlackSettings settings) {
        if (settings.httpEnabled() && settings.socketModeEnabled()) {
            return "socket+http";
        }
        return settings.socketModeEnabled() ? "socket" : settings.httpEnabled() ? "http" : "off";
    }

    private static String detail(SlackSettings settings) {
        switch (mode(settings)) {
            case "socket+http":
                return "app token, signing secret and bot token set: Socket Mode, and /slack/events also accepts signed requests";
            case "socket":
                return "app token and bot token set: Socket Mode; /slack/events answers 404";
            case "http":
                return "signing secret and bot token set: Slack calls /slack/events";
            default:
                return "not configured: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode)";
        }
    }
}
