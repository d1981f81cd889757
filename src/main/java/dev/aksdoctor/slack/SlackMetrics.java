package dev.aksdoctor.slack;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** Slack-facing meters, registered at start so dashboards see them before the first request. */
@Startup
@Singleton
public class SlackMetrics {

    private final MeterRegistry registry;
    private final Timer ack;

    public SlackMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.ack = Timer.builder("aksdoctor.slack.ack")
                .description("Time from receiving a Slack request to writing its acknowledgement")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        // Zero-valued from start, so a dashboard's rate() and an alert on "any rejection" have a series to
        // read before the first refusal.
        for (SlackRequestVerifier.Result reason : SlackRequestVerifier.Result.values()) {
            if (reason != SlackRequestVerifier.Result.VALID) {
                rejectedCounter(reason);
            }
        }
    }

    public void recordAck(long nanos) {
        ack.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void rejected(SlackRequestVerifier.Result reason) {
        rejectedCounter(reason).increment();
    }

    private Counter rejectedCounter(SlackRequestVerifier.Result reason) {
        return Counter.builder("aksdoctor.slack.rejected")
                .description("Slack requests refused before any handler ran, by reason")
                .tag("reason", reason.name().toLowerCase(Locale.ROOT))
                .register(registry);
    }
}
