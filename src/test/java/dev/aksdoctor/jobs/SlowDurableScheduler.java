package dev.aksdoctor.jobs;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.quartz.Job;
import org.quartz.SchedulerException;

/**
 * The production scheduler, with a switch that makes every write to the job store take as long as the clustered
 * Quartz writes of a cold replica did (over 3 s). A test profile enables it with {@code getEnabledAlternatives()};
 * the delay is zero until a test sets it.
 */
@Alternative
@Singleton
public class SlowDurableScheduler extends DurableScheduler {

    private static volatile Duration delay = Duration.ZERO;

    @Inject
    public SlowDurableScheduler(JobSettings settings, AgroalDataSource dataSource, @Any Instance<Job> jobs,
            @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) throws SchedulerException {
        super(settings, dataSource, jobs, dbKind);
    }

    /** Every job-store write from now on waits this long first; {@link Duration#ZERO} restores the real speed. */
    public static void delayWrites(Duration d) {
        delay = d;
    }

    @Override
    public boolean enqueue(String group, String name, Class<? extends Job> type, Map<String, String> data) {
        pause();
        return super.enqueue(group, name, type, data);
    }

    @Override
    public void scheduleCron(String group, String name, Class<? extends Job> type, Map<String, String> data,
            String cron, ZoneId zone) throws SchedulerException {
        pause();
        super.scheduleCron(group, name, type, data, cron, zone);
    }

    private static void pause() {
        Duration d = delay;
        if (!d.isZero()) {
            LockSupport.parkNanos(d.toNanos());
        }
    }
}
