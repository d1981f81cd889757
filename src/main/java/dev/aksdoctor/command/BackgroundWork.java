package dev.aksdoctor.command;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Runs what a Slack handler must not do before its 3 s ack (reading a thread, Azure reads and writes) on a
 * small bounded pool. A task that throws is logged here; tasks tell the user themselves what went wrong.
 */
@ApplicationScoped
public class BackgroundWork {

    private static final Logger LOG = Logger.getLogger(BackgroundWork.class);

    private final ThreadPoolExecutor executor;

    public BackgroundWork() {
        AtomicInteger n = new AtomicInteger();
        executor = new ThreadPoolExecutor(4, 4, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(500), r -> {
            Thread t = new Thread(r, "slack-work-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** False when the backlog is full, so the caller can tell the user to try again. */
    public boolean submit(String what, Runnable task) {
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Background task failed: %s", what);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            LOG.warnf("Background backlog full, refused: %s", what);
            return false;
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
    }
}
