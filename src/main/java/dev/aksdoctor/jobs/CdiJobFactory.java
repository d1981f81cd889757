package dev.aksdoctor.jobs;

import jakarta.enterprise.inject.Instance;
import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

/** Quartz jobs are CDI beans, so they get their collaborators injected like everything else. */
final class CdiJobFactory implements JobFactory {

    private final Instance<Job> jobs;

    CdiJobFactory(Instance<Job> jobs) {
        this.jobs = jobs;
    }

    @Override
    public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
        Class<? extends Job> type = bundle.getJobDetail().getJobClass();
        Instance<? extends Job> bean = jobs.select(type);
        if (!bean.isResolvable()) {
            throw new SchedulerException("No CDI bean for job class " + type.getName());
        }
        return bean.get();
    }
}
