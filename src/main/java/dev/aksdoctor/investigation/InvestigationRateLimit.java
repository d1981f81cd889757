package dev.aksdoctor.investigation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * How many investigations one user, and one channel, may start per minute. Each investigation reads ARM for
 * every check of its playbook, so a loop of pastes (or a bot) would otherwise spend the Azure identity's ARM
 * quota for everyone. Counted on this replica: with several replicas a burst can reach each one's limit.
 */
@ApplicationScoped
public class InvestigationRateLimit {

    static final Duration WINDOW = Duration.ofMinutes(1);

    private final InvestigationSettings settings;
    private final Clock clock;
    private final Map<String, Deque<Instant>> recent = new HashMap<>();

    /** No limit (tests of the flows around it). */
    static InvestigationRateLimit unlimited() {
        return new InvestigationRateLimit(null, Clock.systemUTC());
    }

    @Inject
    public InvestigationRateLimit(InvestigationSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Counts the start and returns true, or returns false (counting nothing) when a limit is reached. */
    public synchronized boolean tryStart(String user, String channel) {
        if (settings == null) {
            return true;
        }
        Instant now = clock.instant();
        Deque<Instant> byUser = window("user:" + user, now);
        Deque<Instant> byChannel = window("channel:" + channel, now);
        if (byUser.size() >= settings.perUserPerMinute() || byChannel.size() >= settings.perChannelPerMinute()) {
            return false;
        }
        byUser.addLast(now);
        byChannel.addLast(now);
        return true;
    }

    private Deque<Instant> window(String key, Instant now) {
        Deque<Instant> times = recent.computeIfAbsent(key, k -> new ArrayDeque<>());
        while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
            times.removeFirst();
        }
        if (recent.size() > 10_000) {
            recent.values().removeIf(Deque::isEmpty);
        }
        return times;
    }
}
