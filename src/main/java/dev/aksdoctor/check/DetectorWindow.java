package dev.aksdoctor.check;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * The time range AKS detectors look at. AKS' "Diagnose and solve problems" opens on the last 24 hours; a window
 * placed around a failure keeps that length and ends a little after the failure, so an operation that failed days
 * ago is still in view.
 *
 * @param around the failure the window was placed around, or null for the last 24 hours
 */
public record DetectorWindow(OffsetDateTime start, OffsetDateTime end, Instant around) {

    static final Duration LENGTH = Duration.ofHours(24);
    /** What the detectors see after the failure: retries and the state the failure left behind. */
    static final Duration AFTER = Duration.ofHours(1);
    /** AKS keeps detector data for about a month; an older failure is looked at from its oldest. */
    static final Duration OLDEST = Duration.ofDays(30);
    /** A digest run an hour after the last one still gives the detectors enough to aggregate. */
    static final Duration SHORTEST = Duration.ofHours(1);

    public DetectorWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("a detector window starts before it ends");
        }
    }

    /** The last 24 hours, as the portal shows them. */
    public static DetectorWindow lastDay(Instant now) {
        Instant end = now.truncatedTo(ChronoUnit.SECONDS);
        return new DetectorWindow(utc(end.minus(LENGTH)), utc(end), null);
    }

    /** 24 hours ending an hour after {@code at} (never after now, never before the detectors' oldest data). */
    public static DetectorWindow around(Instant at, Instant now) {
        Instant latest = now.truncatedTo(ChronoUnit.SECONDS);
        Instant failure = at.isAfter(latest) ? latest : at.isBefore(latest.minus(OLDEST)) ? latest.minus(OLDEST) : at;
        Instant end = failure.plus(AFTER).isAfter(latest) ? latest : failure.plus(AFTER);
        return new DetectorWindow(utc(end.minus(LENGTH)), utc(end), failure);
    }

    /** Since the last digest, at most the last 24 hours and at least the last hour. */
    public static DetectorWindow since(Instant since, Instant now) {
        Instant end = now.truncatedTo(ChronoUnit.SECONDS);
        Instant start = since == null || since.isBefore(end.minus(LENGTH)) ? end.minus(LENGTH) : since;
        if (start.isAfter(end.minus(SHORTEST))) {
            start = end.minus(SHORTEST);
        }
        return new DetectorWindow(utc(start), utc(end), null);
    }

    public Optional<Instant> failure() {
        return Optional.ofNullable(around);
    }

    public Duration length() {
        return Duration.between(start, end);
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
