package dev.aksdoctor.digest;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** The Quartz job behind a channel's schedule and behind {@code digest now}: the slot is the scheduled time. */
@ApplicationScoped
public class PostDigestJob implements Job {

    private static final Logger LOG = Logger.getLogger(PostDigestJob.class);
    static final String CHANNEL = "channel";

    private final PostDigest post;

    public PostDigestJob(PostDigest post) {
        this.post = post;
    }

    @Override
    public void execute(JobExecutionContext context) {
        String channel = context.getMergedJobDataMap().getString(CHANNEL);
        long slot = context.getScheduledFireTime().getTime();
        try {
            post.post(channel, slot);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Digest of channel %s failed", channel);
        }
    }
}
