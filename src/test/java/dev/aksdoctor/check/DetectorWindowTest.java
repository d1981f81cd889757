package dev.aksdoctor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DetectorWindowTest {

    static final Instant NOW = Instant.parse("2026-03-05T12:00:00Z");

    @Test
    void around_failureThreeDaysAgo_24hEndingAnHourAfterIt() {
        DetectorWindow w = DetectorWindow.around(Instant.parse("2026-03-02T07:12:09Z"), NOW);
        assertEquals(Instant.parse("2026-03-01T08:12:09Z"), w.start().toInstant());
        assertEquals(Instant.parse("2026-03-02T08:12:09Z"), w.end().toInstant());
        assertEquals(Optional.of(Instant.parse("2026-03-02T07:12:09Z")), w.failure());
    }

    @Test
    void around_failureMinutesAgo_endsNow() {
        DetectorWindow w = DetectorWindow.around(NOW.minus(Duration.ofMinutes(10)), NOW);
        assertEquals(NOW, w.end().toInstant());
        assertEquals(Duration.ofHours(24), w.length());
    }

    @Test
    void around_craftedFutureOrAncientMoment_keptWithinWhatTheDetectorsHave() {
        assertEquals(NOW, DetectorWindow.around(NOW.plus(Duration.ofDays(3)), NOW).end().toInstant());
        DetectorWindow ancient = DetectorWindow.around(Instant.parse("2020-01-01T00:00:00Z"), NOW);
        assertEquals(NOW.minus(Duration.ofDays(30)), ancient.failure().orElseThrow());
        assertTrue(ancient.start().toInstant().isAfter(NOW.minus(Duration.ofDays(32))), ancient.toString());
    }

    @Test
    void since_lastDigest_clampedBetweenAnHourAndADay() {
        assertEquals(NOW.minus(Duration.ofHours(6)),
                DetectorWindow.since(NOW.minus(Duration.ofHours(6)), NOW).start().toInstant());
        assertEquals(NOW.minus(Duration.ofHours(24)),
                DetectorWindow.since(NOW.minus(Duration.ofDays(7)), NOW).start().toInstant());
        assertEquals(NOW.minus(Duration.ofHours(1)),
                DetectorWindow.since(NOW.minus(Duration.ofMinutes(5)), NOW).start().toInstant());
        assertEquals(NOW.minus(Duration.ofHours(24)), DetectorWindow.since(null, NOW).start().toInstant());
    }
}
