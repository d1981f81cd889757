package dev.aksdoctor.slack;

import com.slack.api.Slack;
import com.slack.api.socket_mode.impl.SocketModeClientJavaWSImpl;
import com.slack.api.socket_mode.queue.impl.ConcurrentLinkedMessageQueue;
import java.io.IOException;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
    /** Bolt's own pause after a failed reconnect. */
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(10);

    private final Clock clock;
    private volatile boolean open;
    private volatile boolean closing;
    private volatile Instant since;

    SocketModeConnection(Slack slack, String appToken, String wssUrl, Duration checkInterval, Clock clock)
            throws URISyntaxException {
        // One polling task moves envelopes from the socket to SlackSocketMode, which acknowledges them on its own
        // threads; Bolt's default of ten tasks would poll a queue ten times per 10 ms on a 2-core pod.
        super(slack, appToken, wssUrl, 1, new ConcurrentLinkedMessageQueue(), true, true, checkInterval.toMillis());
        this.clock = clock;
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
        opened(true);
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
        boolean answered = super.verifyConnection();
        // A reconnect closes the old session after opening the new one, so a late close can mark a fresh
        // connection down; the next check, one interval later, sets it right.
        opened(answered);
        return answered;
    }

    @Override
    public long maintainCurrentSession() {
        try {
            return super.maintainCurrentSession();
        } catch (RuntimeException e) {
            LOG.warnf("Slack Socket Mode could not reconnect (%s); trying again in %d s", e.getMessage(),
                    RETRY_AFTER_FAILURE.toSeconds());
            return System.currentTimeMillis() + RETRY_AFTER_FAILURE.toMillis();
        }
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
