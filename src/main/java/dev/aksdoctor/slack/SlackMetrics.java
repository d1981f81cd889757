package dev.aksdoctor.slack;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
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
    }

    public void recordAck(long nanos) {
        ack.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void rejected(SlackRequestVerifier.Result reason) {
        registry.counter("aksdoctor.slack.rejected", "reason", reason.name().toLowerCase()).increment();
    }
}
