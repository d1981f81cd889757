package dev.aksdoctor.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AckPriorityTest {

    /** A clock that only moves when the waiter parks, so every wait is counted instead of spent. */
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final AtomicLong parked = new AtomicLong();
    private final AckPriority priority = new AckPriority(now::get, nanos -> {
        parked.addAndGet(nanos);
        now.addAndGet(nanos);
    });

    @Test
    void backgroundWorkGoesAtOnceWhenNoSlackRequestWasEverSeen() {
        priority.yieldToAcks();

        assertEquals(0, parked.get());
    }

    @Test
    void backgroundWorkWaitsForTheQuietPeriodAfterTheLastAck() {
        priority.ackStarted();
        priority.ackFinished();

        priority.yieldToAcks();

        assertBetween(AckPriority.QUIET_AFTER_ARRIVAL.toNanos(),
                AckPriority.QUIET_AFTER_ARRIVAL.toNanos() + AckPriority.POLL.toNanos(), parked.get());
    }

    @Test
    void backgroundWorkGoesAtOnceLongAfterTheLastAck() {
        priority.ackStarted();
        priority.ackFinished();
        now.addAndGet(AckPriority.QUIET_AFTER_ARRIVAL.toNanos());

        priority.yieldToAcks();

        assertEquals(0, parked.get());
    }

    @Test
    void aRequestStillBeingHandledKeepsBackgroundWorkWaitingButNeverLongerThanTheCap() {
        priority.ackStarted();
        now.addAndGet(AckPriority.QUIET_AFTER_ARRIVAL.toNanos() * 10);

        priority.yieldToAcks();

        assertBetween(AckPriority.MAX_WAIT.toNanos(), AckPriority.MAX_WAIT.toNanos() + AckPriority.POLL.toNanos(),
                parked.get());
        assertTrue(priority.busy(now.get()));
        priority.ackFinished();
        assertFalse(priority.busy(now.get()));
    }

    private static void assertBetween(long low, long high, long actual) {
        assertTrue(actual >= low && actual <= high, () -> actual + " ns is not within [" + low + ", " + high + "]");
    }
}
