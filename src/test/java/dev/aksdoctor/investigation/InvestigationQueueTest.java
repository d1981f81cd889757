package dev.aksdoctor.investigation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aksdoctor.slack.AckPriority;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The hand-off backlog's limits, without a job store: the hand-off thread is not started, so nothing drains. */
class InvestigationQueueTest {

    static InvestigationQueue queueHolding(int capacity) {
        return new InvestigationQueue(null, null, new SimpleMeterRegistry(), new AckPriority(), capacity);
    }

    static InvestigationJob job(long id) {
        return new InvestigationJob(id, "U1", "C1", null, "exit status=51", "https://hooks.slack.test/commands/" + id);
    }

    @Test
    void fullBacklog_refusesTheNextPaste_andForgetsItsResponseUrl() {
        InvestigationQueue queue = queueHolding(3);

        for (long id = 1; id <= 3; id++) {
            assertTrue(queue.submit(job(id)), "paste " + id);
        }

        assertFalse(queue.submit(job(4)), "the fourth paste is refused, so the user is told to paste again");
        assertEquals(Optional.empty(), queue.responseUrl(4));
        assertEquals(Optional.of("https://hooks.slack.test/commands/3"), queue.responseUrl(3));
    }

    @Test
    void whileStopping_aPasteIsAcceptedAndLeftStoredForTheSweep() {
        InvestigationQueue queue = queueHolding(1);
        queue.stop(null);

        assertTrue(queue.submit(job(1)));
        assertTrue(queue.submit(job(2)), "not refused for a backlog: nothing is handed off while stopping");
        assertEquals(Optional.empty(), queue.responseUrl(1));
    }
}
