package dev.aksdoctor.slack;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * Lets Slack acks go first. Slack gives a request 3 s and then shows the user an error, while a queued
 * investigation can start a moment later without anyone noticing; on a small pod a burst of pastes would
 * otherwise share the CPU with the investigations the same burst queued. Background work calls
 * {@link #yieldToAcks()} before each unit: it waits while a Slack request is being handled or arrived in
 * the last few milliseconds, but never longer than {@link #MAX_WAIT}, so a flood cannot starve the queue.
 */
@ApplicationScoped
public class AckPriority {

    static final Duration QUIET_AFTER_ARRIVAL = Duration.ofMillis(10);
    static final Duration MAX_WAIT = Duration.ofSeconds(1);
    static final Duration POLL = Duration.ofMillis(2);

    private final LongSupplier nanoTime;
    private final LongConsumer parkNanos;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile long lastArrival;
    private volatile boolean seenAny;

    @Inject
    public AckPriority() {
        this(System::nanoTime, LockSupport::parkNanos);
    }

    AckPriority(LongSupplier nanoTime, LongConsumer parkNanos) {
        this.nanoTime = nanoTime;
        this.parkNanos = parkNanos;
    }

    /** A Slack request arrived; pair with {@link #ackFinished()}. */
    public void ackStarted() {
        lastArrival = nanoTime.getAsLong();
        seenAny = true;
        inFlight.incrementAndGet();
    }

    public void ackFinished() {
        inFlight.decrementAndGet();
    }

    /** Waits until no Slack request is being acknowledged (at most {@link #MAX_WAIT}); returns at once when idle. */
    public void yieldToAcks() {
        long start = nanoTime.getAsLong();
        while (busy(nanoTime.getAsLong()) && nanoTime.getAsLong() - start < MAX_WAIT.toNanos()) {
            parkNanos.accept(POLL.toNanos());
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }

    boolean busy(long now) {
        return inFlight.get() > 0 || (seenAny && now - lastArrival < QUIET_AFTER_ARRIVAL.toNanos());
    }
}
