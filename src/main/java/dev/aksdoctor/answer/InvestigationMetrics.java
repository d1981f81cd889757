package dev.aksdoctor.answer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Registers {@code aksdoctor.investigations{outcome}} for every outcome {@link RunInvestigation} records, at
 * zero from start: a dashboard's rate() or an alert on failures has a series to read before the first
 * investigation, and a replica that never failed still reports 0 rather than nothing.
 */
@Startup
@Singleton
public class InvestigationMetrics {

    static final String NAME = "aksdoctor.investigations";

    /** The outcomes RunInvestigation counts (the same meter id, so its increments land on these counters). */
    static final List<String> OUTCOMES = List.of("cause_found", "no_cause", "no_azure", "client_side", "unrecognised",
            "timed_out", "failed");

    public InvestigationMetrics(MeterRegistry registry) {
        for (String outcome : OUTCOMES) {
            Counter.builder(NAME)
                    .description("Investigations finished, by outcome")
                    .tag("outcome", outcome)
                    .register(registry);
        }
    }
}
