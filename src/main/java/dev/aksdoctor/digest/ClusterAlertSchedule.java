package dev.aksdoctor.digest;

import dev.aksdoctor.jobs.DurableScheduler;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.ZoneOffset;
import java.util.Map;
import org.jboss.logging.Logger;
import org.quartz.SchedulerException;

/** Keeps the one clustered alert schedule in line with {@code aks-doctor.alerts.every-minutes} at startup. */
@ApplicationScoped
public class ClusterAlertSchedule {

    private static final Logger LOG = Logger.getLogger(ClusterAlertSchedule.class);
    static final String GROUP = "alerts";
    static final String NAME = "cluster-states";

    private final DurableScheduler scheduler;
    private final AlertSettings settings;

    public ClusterAlertSchedule(DurableScheduler scheduler, AlertSettings settings) {
        this.scheduler = scheduler;
        this.settings = settings;
    }

    void onStart(@Observes StartupEvent event) {
        int minutes = settings.everyMinutes();
        if (minutes <= 0) {
            scheduler.delete(GROUP, NAME);
            return;
        }
        // Quartz cron minutes step within the hour, so more than 59 would never repeat; cap it.
        String cron = "0 0/" + Math.min(minutes, 59) + " * * * ?";
        try {
            scheduler.scheduleCron(GROUP, NAME, CheckClusterStatesJob.class, Map.of(), cron, ZoneOffset.UTC);
        } catch (SchedulerException e) {
            LOG.errorf("Cluster alerts not scheduled: %s", e.getMessage());
        }
    }
}
