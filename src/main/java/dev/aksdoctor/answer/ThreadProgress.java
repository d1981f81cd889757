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
import org.jboss.logging.Logger;

/**
 * Keeps the "investigating…" reply current as checks finish. Updates are spaced out: Slack allows about
 * one message write per second per channel, and a burst of fast checks needs only the latest state.
 */
final class ThreadProgress implements ProgressListener {

    private static final Logger LOG = Logger.getLogger(ThreadProgress.class);
    static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

    private final SlackGateway slack;
    private final Clock clock;
    private final String channel;
    private final String ts;
    private final Diagnosis diagnosis;
    private final int total;
    private final List<Finding> done = new ArrayList<>();
    private Instant lastUpdate = Instant.MIN;

    ThreadProgress(SlackGateway slack, Clock clock, String channel, String ts, Diagnosis diagnosis, int total) {
        this.slack = slack;
        this.clock = clock;
        this.channel = channel;
        this.ts = ts;
        this.diagnosis = diagnosis;
        this.total = total;
    }

    @Override
    public synchronized void checkFinished(Finding finding) {
        done.add(finding);
        Instant now = clock.instant();
        if (done.size() < total && Duration.between(lastUpdate, now).compareTo(MIN_INTERVAL) < 0) {
            return;
        }
        lastUpdate = now;
        try {
            slack.updateMessage(channel, ts, InvestigationReplyRenderer.runningText(diagnosis, done.size(), total),
                    InvestigationReplyRenderer.running(diagnosis, List.copyOf(done), total));
        } catch (SlackCallFailed e) {
            // Progress is a courtesy; the final answer is what must arrive.
            LOG.debugf("Progress update skipped: %s", e.error());
        }
    }
}
