package dev.aksdoctor.digest;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** The clustered Quartz job behind cluster alerts: fires on one replica at a time. */
@ApplicationScoped
@DisallowConcurrentExecution
public class CheckClusterStatesJob implements Job {

    private static final Logger LOG = Logger.getLogger(CheckClusterStatesJob.class);

    private final CheckClusterStates check;

    public CheckClusterStatesJob(CheckClusterStates check) {
        this.check = check;
    }

    @Override
    public void execute(JobExecutionContext context) {
        try {
            int posted = check.run();
            if (posted > 0) {
                LOG.infof("Posted %d cluster alert(s)", posted);
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Cluster alert check failed");
        }
    }
}
