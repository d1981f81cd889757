package dev.aksdoctor.investigation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class InvestigationRateLimitTest {

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-27T05:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static InvestigationSettings limits(int perUser, int perChannel) {
        return new InvestigationSettings() {
            public Duration timeout() { return Duration.ofMinutes(5); }
            public Duration queuedTimeout() { return Duration.ofMinutes(30); }
            public int perUserPerMinute() { return perUser; }
            public int perChannelPerMinute() { return perChannel; }
            public Duration pasteRetention() { return Duration.ofDays(3); }
            public String pasteRetentionCron() { return "off"; }
            public String sweepCron() { return "off"; }
        };
    }

    @Test
    void user_pastTheLimit_refusedUntilTheMinuteHasPassed() {
        MovableClock clock = new MovableClock();
        InvestigationRateLimit limit = new InvestigationRateLimit(limits(2, 100), clock);

        assertTrue(limit.tryStart("U1", "C1"));
        clock.now = clock.now.plusSeconds(30);
        assertTrue(limit.tryStart("U1", "C1"));
        assertFalse(limit.tryStart("U1", "C1"));
        assertTrue(limit.tryStart("U2", "C1"), "another user is not held back");
        clock.now = clock.now.plusSeconds(31);
        assertTrue(limit.tryStart("U1", "C1"), "the first start left the window");
        assertFalse(limit.tryStart("U1", "C1"));
    }

    @Test
    void channel_pastTheLimit_refusedWhoeverAsks() {
        InvestigationRateLimit limit = new InvestigationRateLimit(limits(100, 3), new MovableClock());

        assertTrue(limit.tryStart("U1", "C1"));
        assertTrue(limit.tryStart("U2", "C1"));
        assertTrue(limit.tryStart("U3", "C1"));
        assertFalse(limit.tryStart("U4", "C1"));
        assertTrue(limit.tryStart("U4", "C2"));
    }
}
