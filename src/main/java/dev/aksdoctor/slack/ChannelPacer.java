package dev.aksdoctor.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spaces posts to one channel: Slack allows about one message per second per channel on average, allows short
 * bursts, and answers longer bursts with {@code ratelimited}, which costs more time than waiting. A channel may
 * post {@code burst} messages at once (the root message and the threaded "investigating…" go out together);
 * after that, one per {@code interval}. Callers reserve a slot and are told how long to wait for it; slots are
 * handed out in order, so concurrent posters queue fairly.
 *
 * <p>This is the generic cell rate algorithm: per channel it keeps the theoretical time the next message would
 * be due if messages went out exactly one per interval, and lets a message through up to
 * {@code (burst - 1) × interval} before that time.
 */
public final class ChannelPacer {

    private final Duration interval;
    private final Duration burstTolerance;
    private final Clock clock;
    private final Map<String, Instant> nextDue = new ConcurrentHashMap<>();

    public ChannelPacer(Duration interval, int burst, Clock clock) {
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1, was " + burst);
        }
        this.interval = interval.isNegative() ? Duration.ZERO : interval;
        this.burstTolerance = this.interval.multipliedBy(burst - 1L);
        this.clock = clock;
    }

    /** Reserves the next slot for {@code channel}; the caller waits the returned time before posting. */
    public Duration reserve(String channel) {
        if (interval.isZero() || channel == null) {
            return Duration.ZERO;
        }
        Instant now = clock.instant();
        Instant[] sendAt = new Instant[1];
        nextDue.compute(channel, (c, due) -> {
            Instant theoretical = due == null || due.isBefore(now) ? now : due;
            Instant earliest = theoretical.minus(burstTolerance);
            sendAt[0] = earliest.isAfter(now) ? earliest : now;
            return theoretical.plus(interval);
        });
        if (nextDue.size() > 10_000) {
            nextDue.values().removeIf(due -> due.isBefore(now));
        }
        return Duration.between(now, sendAt[0]);
    }
}
