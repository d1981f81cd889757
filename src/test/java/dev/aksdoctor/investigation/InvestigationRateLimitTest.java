package dev.aksdoctor.investigation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
            public boolean warmUp() { return false; }
            public Duration pasteRetention() { return Duration.ofDays(3); }
            public String pasteRetentionCron() { return "off"; }
            public String sweepCron() { return "off"; }
        };
    }

    /** The stored rows, as the database would count them: who started one, where, and when. */
    static final class StoredStarts extends InvestigationStore {
        record Row(String requester, String channel, Instant at) {
        }

        final List<Row> rows = new ArrayList<>();
        final MovableClock clock;

        StoredStarts(MovableClock clock) {
            super(clock, null, "h2");
            this.clock = clock;
        }

        @Override
        public long open(String requester, String channel, String threadTs, InvestigationSource source, String text,
                boolean runNodeProbes) {
            rows.add(new Row(requester, channel, clock.instant()));
            return rows.size();
        }

        @Override
        public StartedRecently startedSince(String requester, String channel, Instant since, long cap) {
            List<Row> recent = rows.stream().filter(r -> r.at().isAfter(since)).toList();
            return new StartedRecently(Math.min(cap, recent.stream().filter(r -> r.requester().equals(requester)).count()),
                    Math.min(cap, recent.stream().filter(r -> r.channel().equals(channel)).count()));
        }
    }

    /** As StartInvestigation does: ask, then store. */
    static boolean start(InvestigationRateLimit limit, StoredStarts store, String user, String channel) {
        if (!limit.allows(user, channel)) {
            return false;
        }
        store.open(user, channel, null, InvestigationSource.SLASH_COMMAND, "paste", false);
        return true;
    }

    @Test
    void user_pastTheLimit_refusedUntilTheMinuteHasPassed() {
        MovableClock clock = new MovableClock();
        StoredStarts store = new StoredStarts(clock);
        InvestigationRateLimit limit = new InvestigationRateLimit(limits(2, 100), clock, store);

        assertTrue(start(limit, store, "U1", "C1"));
        clock.now = clock.now.plusSeconds(30);
        assertTrue(start(limit, store, "U1", "C1"));
        assertFalse(start(limit, store, "U1", "C1"));
        assertTrue(start(limit, store, "U2", "C1"), "another user is not held back");
        clock.now = clock.now.plusSeconds(31);
        assertTrue(start(limit, store, "U1", "C1"), "the first start left the window");
        assertFalse(start(limit, store, "U1", "C1"));
    }

    @Test
    void channel_pastTheLimit_refusedWhoeverAsks() {
        MovableClock clock = new MovableClock();
        StoredStarts store = new StoredStarts(clock);
        InvestigationRateLimit limit = new InvestigationRateLimit(limits(100, 3), clock, store);

        assertTrue(start(limit, store, "U1", "C1"));
        assertTrue(start(limit, store, "U2", "C1"));
        assertTrue(start(limit, store, "U3", "C1"));
        assertFalse(start(limit, store, "U4", "C1"));
        assertTrue(start(limit, store, "U4", "C2"));
    }

    @Test
    void twoReplicas_shareTheStoredCount_theLimitDoesNotMultiply() {
        MovableClock clock = new MovableClock();
        StoredStarts database = new StoredStarts(clock);
        InvestigationRateLimit replicaA = new InvestigationRateLimit(limits(2, 100), clock, database);
        InvestigationRateLimit replicaB = new InvestigationRateLimit(limits(2, 100), clock, database);

        assertTrue(start(replicaA, database, "U1", "C1"));
        assertTrue(start(replicaB, database, "U1", "C1"));
        assertFalse(start(replicaA, database, "U1", "C1"), "the user's third this minute, whichever replica asks");
        assertFalse(start(replicaB, database, "U1", "C1"));
    }
}
