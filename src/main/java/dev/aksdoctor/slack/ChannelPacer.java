package dev.aksdoctor.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spaces posts to one channel by {@code interval}: Slack allows about one message per second per channel
 * and answers bursts with {@code ratelimited}, which costs more time than waiting. Callers reserve a slot
 * and are told how long to wait for it; slots are handed out in order, so concurrent posters queue fairly.
 */
public final class ChannelPacer {

    private final Duration interval;
    private final Clock clock;
    private final Map<String, Instant> nextSlot = new ConcurrentHashMap<>();

    public ChannelPacer(Duration interval, Clock clock) {
        this.interval = interval.isNegative() ? Duration.ZERO : interval;
        this.clock = clock;
    }

    /** Reserves the next slot for {@code channel}; the caller waits the returned time before posting. */
    public Duration reserve(String channel) {
        if (interval.isZero() || channel == null) {
            return Duration.ZERO;
        }
        Instant now = clock.instant();
        Instant[] slot = new Instant[1];
        nextSlot.compute(channel, (c, next) -> {
            slot[0] = next == null || next.isBefore(now) ? now : next;
            return slot[0].plus(interval);
        });
        if (nextSlot.size() > 10_000) {
            nextSlot.values().removeIf(next -> next.isBefore(now));
        }
        return Duration.between(now, slot[0]);
    }
}
