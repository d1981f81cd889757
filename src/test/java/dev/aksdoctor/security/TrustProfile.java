package dev.aksdoctor.security;

import dev.aksdoctor.azure.FakeArmBackedGateway;
import dev.aksdoctor.investigation.UnavailableInvestigationStore;
import dev.aksdoctor.jobs.SlowDurableScheduler;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The security tests' application: access rules from environment variables ({@link EnvironmentStyleAccess}),
 * the fake ARM behind the production gateway, a scheduler whose writes can be slowed ({@link SlowDurableScheduler}) and a store whose database can stop answering
 * ({@link UnavailableInvestigationStore}). One profile for every security flow test, so they share one boot.
 */
public class TrustProfile implements QuarkusTestProfile {

    /** Short, so that FaultInjectionTest's hung ARM call is given up quickly; ample for the fake ARM's answers. */
    static final Duration CHECK_TIMEOUT = Duration.ofSeconds(4);

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(FakeArmBackedGateway.class, SlowDurableScheduler.class, UnavailableInvestigationStore.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                EnvironmentStyleAccess.SWITCH, "true",
                // each security test pastes as its own user; RateAndScheduleLimitsTest meets this limit
                "aks-doctor.investigations.per-user-per-minute", "3",
                "aks-doctor.digest.schedule-editors", RateAndScheduleLimitsTest.EDITOR,
                // short enough for a test to see a slow body cut off, long enough for every real request here
                "aks-doctor.http.request-deadline", "4s",
                "slack.channel-post-interval", "0s",
                "aks-doctor.azure.check-timeout", CHECK_TIMEOUT.toSeconds() + "s",
                "aks-doctor.azure.read-timeout", "2s");
    }
}
