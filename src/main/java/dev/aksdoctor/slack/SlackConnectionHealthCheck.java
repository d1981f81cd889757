package dev.aksdoctor.slack;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * {@code /q/health/group/slack}: DOWN while Socket Mode is on and its connection is not, so an alert can page
 * someone; UP otherwise (HTTP mode has no connection to lose). Kept out of readiness and liveness on purpose: see
 * {@link SlackHealthCheck}.
 */
@HealthGroup("slack")
@ApplicationScoped
public class SlackConnectionHealthCheck implements HealthCheck {

    private final SlackSocketMode socketMode;

    public SlackConnectionHealthCheck(SlackSocketMode socketMode) {
        this.socketMode = socketMode;
    }

    @Override
    public HealthCheckResponse call() {
        SlackSocketMode.Status status = socketMode.status();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("slack-connection")
                .status(!status.enabled() || status.connected());
        describe(status, response);
        return response.build();
    }

    static void describe(SlackSocketMode.Status status, HealthCheckResponseBuilder response) {
        if (!status.enabled()) {
            return;
        }
        response.withData("socketModeConnected", status.connected())
                .withData("socketModeSince", status.since().toString());
        status.problem().ifPresent(p -> response.withData("socketModeProblem", p));
    }
}
