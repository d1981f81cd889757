package dev.aksdoctor.answer;

import dev.aksdoctor.check.Finding;
import dev.aksdoctor.check.ProgressListener;
import dev.aksdoctor.diagnosis.Diagnosis;
import dev.aksdoctor.reply.InvestigationReplyRenderer;
import dev.aksdoctor.slack.SlackCallFailed;
import dev.aksdoctor.slack.SlackGateway;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Keeps the "investigating…" reply current as checks finish, without ever holding up a check or the final answer.
 * Updates go out from {@code sender}, never from a check's thread, at most one per {@link #MIN_INTERVAL} (Slack
 * allows about one message write per second per channel), each showing the latest state: checks that finish
 * while an update waits or is on its way are coalesced into the next one. The last check sends none, since the
 * answer replaces the message next; {@link #close()} drops a pending update and waits only for one Slack already
 * has, so the answer is the message's last edit and follows the last check within one Slack round trip.
 */
final class ThreadProgress implements ProgressListener, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ThreadProgress.class);
    static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    /** An update already sent is awaited at most this long: a lost connection must not hold the answer back. */
    static final Duration MAX_WAIT_FOR_SENT_UPDATE = Duration.ofSeconds(10);

    private final SlackGateway slack;
    private final Clock clock;
    private final ScheduledExecutorService sender;
    private final String channel;
    private final String ts;
    private final Diagnosis diagnosis;
    private final int total;
    private final List<Finding> done = new ArrayList<>();
    private Instant lastUpdate = Instant.MIN;
    private ScheduledFuture<?> pending;
    private boolean sending;
    private boolean closed;

    ThreadProgress(SlackGateway slack, Clock clock, ScheduledExecutorService sender, String channel, String ts,
            Diagnosis diagnosis, int total) {
        this.slack = slack;
        this.clock = clock;
        this.sender = sender;
        this.channel = channel;
        this.ts = ts;
        this.diagnosis = diagnosis;
        this.total = total;
    }

    @Override
    public synchronized void checkFinished(Finding finding) {
        done.add(finding);
        scheduleIfNeeded();
    }

    /** Called before the answer replaces the message: no progress update may land after it. */
    @Override
    public synchronized void close() {
        closed = true;
        if (pending != null) {
            pending.cancel(false);
        }
        long deadline = System.nanoTime() + MAX_WAIT_FOR_SENT_UPDATE.toNanos();
        try {
            while (sending) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    LOG.debugf("A progress update to %s is still on its way; the answer goes out anyway", channel);
                    return;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void scheduleIfNeeded() {
        if (closed || pending != null || sending || done.size() >= total) {
            return;
        }
        long delayNanos = 0;
        if (!lastUpdate.equals(Instant.MIN)) {
            Duration wait = Duration.between(clock.instant(), lastUpdate.plus(MIN_INTERVAL));
            delayNanos = wait.isNegative() ? 0 : wait.toNanos();
        }
        pending = sender.schedule(this::send, delayNanos, TimeUnit.NANOSECONDS);
    }

    private void send() {
        List<Finding> snapshot;
        synchronized (this) {
            pending = null;
            if (closed || done.size() >= total) {
                return;
            }
            snapshot = List.copyOf(done);
            lastUpdate = clock.instant();
            sending = true;
        }
        boolean again = true;
        try {
            slack.updateMessageOnce(channel, ts, InvestigationReplyRenderer.runningText(diagnosis, snapshot.size(), total),
                    InvestigationReplyRenderer.running(diagnosis, snapshot, total));
        } catch (SlackCallFailed e) {
            // Progress is a courtesy; the final answer is what must arrive (and it honours Retry-After itself).
            LOG.debugf("Progress update skipped: %s", e.error());
            again = !"ratelimited".equals(e.error());
        } catch (RuntimeException e) {
            LOG.debugf(e, "Progress update failed");
        } finally {
            synchronized (this) {
                sending = false;
                notifyAll();
                if (again && done.size() > snapshot.size()) {
                    scheduleIfNeeded();
                } else if (!again) {
                    closed = true;
                }
            }
        }
    }
}
