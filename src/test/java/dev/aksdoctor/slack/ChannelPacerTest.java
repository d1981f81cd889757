package dev.aksdoctor.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ChannelPacerTest {

    private static final Instant T0 = Instant.parse("2026-11-27T09:00:00Z");

    @Test
    void reserve_withinBurst_sendsAtOnce() {
        ChannelPacer pacer = new ChannelPacer(Duration.ofSeconds(1), 3, Clock.fixed(T0, ZoneOffset.UTC));
        assertEquals(Duration.ZERO, pacer.reserve("C1"));
        assertEquals(Duration.ZERO, pacer.reserve("C1"));
        assertEquals(Duration.ZERO, pacer.reserve("C1"));
    }

    @Test
    void reserve_pastBurst_spacesByInterval() {
        ChannelPacer pacer = new ChannelPacer(Duration.ofSeconds(1), 2, Clock.fixed(T0, ZoneOffset.UTC));
        pacer.reserve("C1");
        pacer.reserve("C1");
        assertEquals(Duration.ofSeconds(1), pacer.reserve("C1"));
        assertEquals(Duration.ofSeconds(2), pacer.reserve("C1"));
    }

    @Test
    void reserve_otherChannel_isNotDelayed() {
        ChannelPacer pacer = new ChannelPacer(Duration.ofSeconds(1), 1, Clock.fixed(T0, ZoneOffset.UTC));
        pacer.reserve("C1");
        assertEquals(Duration.ofSeconds(1), pacer.reserve("C1"));
        assertEquals(Duration.ZERO, pacer.reserve("C2"));
    }

    @Test
    void reserve_afterQuietTime_burstIsAvailableAgain() {
        MutableClock clock = new MutableClock(T0);
        ChannelPacer pacer = new ChannelPacer(Duration.ofSeconds(1), 2, clock);
        pacer.reserve("C1");
        pacer.reserve("C1");
        assertEquals(Duration.ofSeconds(1), pacer.reserve("C1"));
        clock.now = T0.plusSeconds(10);
        assertEquals(Duration.ZERO, pacer.reserve("C1"));
        assertEquals(Duration.ZERO, pacer.reserve("C1"));
    }

    @Test
    void reserve_averageStaysOnePerInterval() {
        ChannelPacer pacer = new ChannelPacer(Duration.ofSeconds(1), 3, Clock.fixed(T0, ZoneOffset.UTC));
        Duration last = Duration.ZERO;
        for (int i = 0; i < 13; i++) {
            last = pacer.reserve("C1");
        }
        // 13 messages at once: 3 go now, the other 10 one second apart.
        assertEquals(Duration.ofSeconds(10), last);
    }

    @Test
    void constructor_burstBelowOne_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ChannelPacer(Duration.ofSeconds(1), 0, Clock.systemUTC()));
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
