package dev.aksdoctor.digest;

import dev.aksdoctor.jobs.DurableScheduler;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;
import org.quartz.CronExpression;
import org.quartz.SchedulerException;

/** Keeps each channel's Quartz cron trigger in step with its stored schedule. */
@ApplicationScoped
public class DigestSchedules {

    static final String GROUP = "digest";

    private final DurableScheduler scheduler;
    private final DigestStore store;
    private final DigestSettings settings;

    public DigestSchedules(DurableScheduler scheduler, DigestStore store, DigestSettings settings) {
        this.scheduler = scheduler;
        this.store = store;
        this.settings = settings;
    }

    public static boolean validCron(String cron) {
        return cron != null && cron.length() <= 120 && CronExpression.isValidExpression(cron);
    }

    /**
     * The shortest gap between two consecutive firings of {@code cron} in {@code zone} over the next year (at most
     * a few hundred firings are looked at: a schedule that fires that often is refused anyway).
     */
    public static Duration shortestGap(String cron, String zone, Instant from) {
        try {
            CronExpression expression = new CronExpression(cron);
            expression.setTimeZone(TimeZone.getTimeZone(ZoneId.of(zone)));
            Date previous = expression.getNextValidTimeAfter(Date.from(from));
            Duration shortest = ChronoUnit.FOREVER.getDuration();
            Date horizon = Date.from(from.plus(Duration.ofDays(366)));
            for (int i = 0; i < 400 && previous != null && previous.before(horizon); i++) {
                Date next = expression.getNextValidTimeAfter(previous);
                if (next == null) {
                    break;
                }
                Duration gap = Duration.between(previous.toInstant(), next.toInstant());
                if (gap.compareTo(shortest) < 0) {
                    shortest = gap;
                }
                previous = next;
            }
            return shortest;
        } catch (java.text.ParseException e) {
            return Duration.ZERO;
        }
    }

    /** Gives the channel the default schedule if it has none. */
    public DigestSchedule ensure(String channel, String user) throws SchedulerException {
        DigestSchedule existing = store.schedule(channel).orElse(null);
        if (existing != null) {
            return existing;
        }
        return set(channel, settings.defaultCron(), settings.defaultTimeZone(), user);
    }

    public DigestSchedule set(String channel, String cron, String zone, String user) throws SchedulerException {
        scheduler.scheduleCron(GROUP, channel, PostDigestJob.class, Map.of(PostDigestJob.CHANNEL, channel), cron, ZoneId.of(zone));
        return store.setSchedule(channel, cron, zone, user);
    }

    /** A digest now, on whichever replica has a free thread. */
    public boolean now(String channel) {
        return scheduler.enqueue(GROUP + "-now", channel + "-" + UUID.randomUUID(), PostDigestJob.class,
                Map.of(PostDigestJob.CHANNEL, channel));
    }
}
