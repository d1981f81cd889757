package dev.aksdoctor.slack;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports whether Slack is configured. Always UP: the service is useful without Slack (the API works),
 * and readiness must follow the database only.
 */
@Readiness
@ApplicationScoped
public class SlackHealthCheck implements HealthCheck {

    private final SlackSettings settings;

    public SlackHealthCheck(SlackSettings settings) {
        this.settings = settings;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("slack").up()
                .withData("configured", settings.configured())
                .withData("detail", settings.configured() ? "signing secret and bot token set"
                        : "not configured: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN")
                .withData("apiUrl", settings.apiUrl())
                .build();
    }
}
