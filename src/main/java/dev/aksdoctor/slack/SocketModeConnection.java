package dev.aksdoctor.slack;

import com.slack.api.Slack;
import com.slack.api.socket_mode.impl.SocketModeClientJavaWSImpl;
import com.slack.api.socket_mode.queue.impl.ConcurrentLinkedMessageQueue;
import java.io.IOException;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Bolt's Java-WebSocket Socket Mode client, plus what the service needs to know and one repair.
 *
 * <p>Bolt's session monitor pings the connection every check interval and, when no pong comes back within 3 s,
 * opens a new one (apps.connections.open, then a new WebSocket). This class records each verdict, Slack's
 * {@code hello} and every close, so the health check can say whether Slack can reach the service. The repair:
 * when apps.connections.open answers {@code ok:false} Bolt throws an unchecked exception out of the monitor's
 * scheduled task, which silently ends the monitor, and the client would never reconnect again.
 */
final class SocketModeConnection extends SocketModeClientJavaWSImpl {

    private static final Logger LOG = Logger.getLogger(SocketModeConnection.class);
    /** How long a new WebSocket may take to open and be greeted before it counts as failed. */
    private static final Duration HANDSHAKE_GRACE = Duration.ofSeconds(10);

    private final Clock clock;
    /** Two check intervals: 10 s by default, Bolt's own pause after a reconnect fails. */
    private final Duration retryAfterFailure;
    private volatile boolean open;
    private volatile boolean closing;
    private volatile String problem;
    private volatile Instant since;
    /** Set while a new WebSocket is opening: until Slack's hello or this time, whichever comes first. */
    private volatile Instant helloDue;
    private final Duration handshakeGrace;

    SocketModeConnection(Slack slack, String appToken, String wssUrl, Duration checkInterval, Clock clock)
            throws URISyntaxException {
        // One polling task moves envelopes from the socket to SlackSocketMode, which acknowledges them on its own
        // threads; Bolt's default of ten tasks would poll a queue ten times per 10 ms on a 2-core pod.
        super(slack, appToken, wssUrl, 1, new ConcurrentLinkedMessageQueue(), true, true, checkInterval.toMillis());
        this.clock = clock;
        this.retryAfterFailure = checkInterval.multipliedBy(2);
        this.handshakeGrace = HANDSHAKE_GRACE.compareTo(checkInterval) > 0 ? HANDSHAKE_GRACE : checkInterval;
        this.since = clock.instant();
        // 1000 is a close one side asked for: this client replacing a session Slack asked it to refresh, or
        // shutting down. A server that closes normally without notice is caught by the next ping.
        addWebSocketCloseListener((code, reason) -> {
            if (code == null || code != 1000) {
                opened(false);
            }
        });
    }

    /** Slack greets every new connection with {@code {"type":"hello"}}: from then on it delivers envelopes here. */
    void helloReceived() {
        helloDue = null;
        opened(true);
    }

    /** Opens the first WebSocket, to the URL given to the constructor. */
    void open() {
        helloDue = clock.instant().plus(handshakeGrace);
        connect();
    }

    @Override
    public void connectToNewEndpoint() throws IOException {
        helloDue = clock.instant().plus(handshakeGrace);
        try {
            super.connectToNewEndpoint();
        } catch (IOException | RuntimeException e) {
            helloDue = null;
            throw e;
        }
    }

    boolean isOpen() {
        return open;
    }

    /** When the connection last opened or closed. */
    Instant since() {
        return since;
    }

    @Override
    public boolean verifyConnection() {
        Instant due = helloDue;
        if (due != null && clock.instant().isBefore(due)) {
            // A new WebSocket is still opening: Bolt would find it not open yet and open another, closing this one
            // (and so on while the handshake takes longer than a check interval).
            return true;
        }
        boolean answered = super.verifyConnection();
        // A reconnect closes the old session after opening the new one, so a late close can mark a fresh
        // connection down; the next check, one interval later, sets it right.
        opened(answered);
        return answered;
    }

    /**
     * Bolt's own maintenance (reconnect when the ping goes unanswered), except that every failure is caught: Bolt
     * lets apps.connections.open's {@code ok:false} escape, which ends the scheduled monitor for good. One WARN
     * per distinct problem; the same problem again is logged at DEBUG.
     */
    @Override
    public long maintainCurrentSession() {
        if (isAutoReconnectEnabled() && !verifyConnection()) {
            try {
                connectToNewEndpoint();
                problem = null;
            } catch (IOException | RuntimeException e) {
                String previous = problem;
                problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                if (problem.equals(previous)) {
                    LOG.debugf("Slack Socket Mode could not reconnect (%s)", problem);
                } else {
                    LOG.warnf("Slack Socket Mode could not reconnect (%s); trying again every %d ms", problem,
                            retryAfterFailure.toMillis());
                }
                return System.currentTimeMillis() + retryAfterFailure.toMillis();
            }
        }
        return System.currentTimeMillis();
    }

    /**
     * Slack's {@code disconnect} (it is about to close this connection) makes Bolt open a new one here; when that
     * fails Bolt logs an ERROR with a stack trace from its polling task. The next check retries either way.
     */
    @Override
    public void processMessage(String message) throws IOException {
        try {
            super.processMessage(message);
        } catch (IOException | RuntimeException e) {
            problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            LOG.warnf("Slack asked for a new Socket Mode connection and none could be opened (%s); the next check "
                    + "retries", problem);
        }
    }

    /** Why the last reconnect failed, until one succeeds. */
    Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    @Override
    public void close() throws IOException {
        closing = true;
        super.close();
    }

    private void opened(boolean now) {
        if (open != now && !(closing && now)) {
            open = now;
            since = clock.instant();
            if (now) {
                LOG.info("Slack Socket Mode connected");
            } else if (!closing) {
                LOG.info("Slack Socket Mode connection lost; reconnecting");
            }
        }
    }
}
