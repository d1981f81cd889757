package dev.aksdoctor.jobs;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TimeZone;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.DBConnectionManager;

/**
 * The one place that talks to Quartz. Jobs live in the application's database (JDBC job store, clustered):
 * a queued job survives a restart, a replica that dies mid-job has that job re-run by another (jobs ask for
 * recovery), and a trigger fires on exactly one replica. Job data holds identifiers only, never user text.
 */
@Singleton
public class DurableScheduler {

    private static final Logger LOG = Logger.getLogger(DurableScheduler.class);
    static final String SCHEDULER_NAME = "aks-doctor";
    private static final String DATA_SOURCE = "aksdoctor";

    private final Scheduler scheduler;
    private final JobSettings settings;

    public DurableScheduler(JobSettings settings, AgroalDataSource dataSource, @Any Instance<Job> jobs,
                            @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) throws SchedulerException {
        this.settings = settings;
        DBConnectionManager.getInstance().addConnectionProvider(DATA_SOURCE, new AgroalConnectionProvider(dataSource));
        StdSchedulerFactory factory = new StdSchedulerFactory(quartzProperties(settings, dbKind));
        this.scheduler = factory.getScheduler();
        scheduler.setJobFactory(new CdiJobFactory(jobs));
    }

    static Properties quartzProperties(JobSettings settings, String dbKind) {
        Properties p = new Properties();
        p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, SCHEDULER_NAME);
        p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, settings.instanceId());
        p.setProperty(StdSchedulerFactory.PROP_SCHED_IDLE_WAIT_TIME, Long.toString(settings.pollInterval().toMillis()));
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(settings.threads()));
        p.setProperty("org.quartz.threadPool.threadNamePrefix", "job");
        // Take as many due jobs per trip to the database as there are threads, not one.
        p.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", Integer.toString(settings.threads()));
        p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        p.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "postgresql".equalsIgnoreCase(dbKind)
                ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate" : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", DATA_SOURCE);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(settings.clusterCheckinInterval().toMillis()));
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        // Job data as strings: no Java serialisation in the database.
        p.setProperty("org.quartz.jobStore.useProperties", "true");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        return p;
    }

    void start(@Observes StartupEvent event) throws SchedulerException {
        if (!settings.enabled()) {
            LOG.info("Durable jobs are off (aks-doctor.jobs.enabled=false): queued work waits for a replica with jobs on.");
            return;
        }
        scheduler.start();
        LOG.infof("Durable jobs started: instance %s, %d threads", scheduler.getSchedulerInstanceId(), settings.threads());
    }

    void stop(@Observes ShutdownEvent event) {
        try {
            // No new job starts; the running ones get a short grace, because a job that outlives this observer
            // runs on while the database and Hibernate close under it (and fails loudly). A job still running
            // after the grace is not waited for: jobs ask for recovery, so another replica (or this one after a
            // restart) runs it again, and the jobs are written to be re-run safely.
            scheduler.standby();
            awaitRunningJobs(settings.shutdownGrace());
            scheduler.shutdown(false);
        } catch (SchedulerException e) {
            LOG.warnf("Quartz did not shut down cleanly: %s", e.getMessage());
        }
    }

    private void awaitRunningJobs(java.time.Duration grace) throws SchedulerException {
        long deadline = System.nanoTime() + grace.toNanos();
        while (!scheduler.getCurrentlyExecutingJobs().isEmpty()) {
            if (System.nanoTime() >= deadline) {
                LOG.infof("Stopping with %d job(s) still running; they will run again on a replica that is up",
                        scheduler.getCurrentlyExecutingJobs().size());
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Queues a one-off job to run as soon as a thread is free on any replica. Queuing the same name twice
     * while the first is pending is a no-op. False when the store refused it.
     */
    public boolean enqueue(String group, String name, Class<? extends Job> type, Map<String, String> data) {
        try {
            scheduler.scheduleJob(oneOff(group, name, type, data), fireNow(group, name));
            return true;
        } catch (ObjectAlreadyExistsException e) {
            return true;
        } catch (SchedulerException e) {
            LOG.errorf("Could not queue job %s/%s: %s", group, name, e.getMessage());
            return false;
        }
    }

    /**
     * Queues several one-off jobs of one type in a single job-store transaction (one lock, one commit).
     * When one of them is already queued the batch is refused as a whole, and they are queued one by one.
     */
    public boolean enqueueAll(String group, List<String> names, Class<? extends Job> type,
                              Function<String, Map<String, String>> data) {
        Map<JobDetail, Set<? extends Trigger>> jobs = new LinkedHashMap<>();
        for (String name : names) {
            jobs.put(oneOff(group, name, type, data.apply(name)), Set.of(fireNow(group, name)));
        }
        try {
            scheduler.scheduleJobs(jobs, false);
            return true;
        } catch (ObjectAlreadyExistsException e) {
            boolean all = true;
            for (String name : names) {
                all &= enqueue(group, name, type, data.apply(name));
            }
            return all;
        } catch (SchedulerException e) {
            LOG.errorf("Could not queue %d jobs in %s: %s", names.size(), group, e.getMessage());
            return false;
        }
    }

    private static JobDetail oneOff(String group, String name, Class<? extends Job> type, Map<String, String> data) {
        return JobBuilder.newJob(type).withIdentity(name, group).requestRecovery(true)
                .usingJobData(new JobDataMap(data)).build();
    }

    private static Trigger fireNow(String group, String name) {
        return TriggerBuilder.newTrigger().withIdentity(name, group).startNow()
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
    }

    /** Creates or replaces a cron schedule (Quartz cron syntax, evaluated in {@code zone}). */
    public void scheduleCron(String group, String name, Class<? extends Job> type, Map<String, String> data,
                             String cron, ZoneId zone) throws SchedulerException {
        JobDetail job = JobBuilder.newJob(type).withIdentity(name, group).storeDurably()
                .usingJobData(new JobDataMap(data)).build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(name, group).forJob(job)
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(TimeZone.getTimeZone(zone))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
        scheduler.scheduleJob(job, Set.of(trigger), true);
    }

    /** Removes a job and its triggers; true when there was one. */
    public boolean delete(String group, String name) {
        try {
            return scheduler.deleteJob(JobKey.jobKey(name, group));
        } catch (SchedulerException e) {
            LOG.warnf("Could not delete job %s/%s: %s", group, name, e.getMessage());
            return false;
        }
    }

    /** When a trigger fires next, if it exists. */
    public Optional<java.util.Date> nextFireTime(String group, String name) {
        try {
            Trigger t = scheduler.getTrigger(TriggerKey.triggerKey(name, group));
            return Optional.ofNullable(t).map(Trigger::getNextFireTime);
        } catch (SchedulerException e) {
            return Optional.empty();
        }
    }

    /** Whether a job is still stored (queued, running, or scheduled). */
    public boolean exists(String group, String name) {
        try {
            return scheduler.checkExists(JobKey.jobKey(name, group));
        } catch (SchedulerException e) {
            return false;
        }
    }

    public int threads() {
        return settings.threads();
    }

    public boolean started() {
        try {
            return scheduler.isStarted() && !scheduler.isShutdown();
        } catch (SchedulerException e) {
            return false;
        }
    }
}
