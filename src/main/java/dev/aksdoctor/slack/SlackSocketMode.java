package dev.aksdoctor.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.bolt.App;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.request.SocketModeRequest;
import com.slack.api.bolt.socket_mode.request.SocketModeRequestParser;
import com.slack.api.util.http.ProxyUrlUtil;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Socket Mode: with {@code SLACK_APP_TOKEN} the service dials out to Slack over a WebSocket instead of waiting on
 * {@code /slack/events}, so it needs no public URL. The WebSocket's URL comes from apps.connections.open, which
 * only the app-level token can call; that is the trust, and envelopes carry no signature.
 *
 * <p>Each envelope's payload is what Slack would have POSTed; it goes to the same Bolt {@link App}, so the
 * routes, the de-duplication and the durable queue are the ones HTTP uses. The acknowledgement is
 * {@code {"envelope_id":…}} with, when Bolt answered with a body, that body as {@code payload}. Connecting starts
 * after Quarkus has started and is retried until it works; once connected, Bolt's session monitor replaces a
 * dropped or silent connection. On shutdown new envelopes are left unacknowledged (Slack retries events), those
 * in hand are acknowledged, then the connection closes.
 */
@Singleton
public class SlackSocketMode {

    /** What the health check shows. */
    public record Status(boolean enabled, boolean connected, Instant since, Optional<String> problem) {
    }

    private static final Logger LOG = Logger.getLogger(SlackSocketMode.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY = Duration.ofMinutes(1);
    private static final Duration DRAIN = Duration.ofSeconds(3);

    private final SlackBolt bolt;
    private final SlackSettings settings;
    private final SlackMetrics metrics;
    private final AckPriority ackPriority;
    private final SlackAdmission admission;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Instant created;

    private volatile SocketModeConnection connection;
    private volatile String problem;
    private volatile boolean stopping;
    private ScheduledExecutorService connector;
    private ExecutorService acks;
    private SocketModeRequestParser parser;

    public SlackSocketMode(SlackBolt bolt, SlackSettings settings, SlackMetrics metrics, AckPriority ackPriority,
            SlackAdmission admission, Clock clock, MeterRegistry registry) {
        this.bolt = bolt;
        this.admission = admission;
        this.settings = settings;
        this.metrics = metrics;
        this.ackPriority = ackPriority;
        this.clock = clock;
        this.registry = registry;
        this.created = clock.instant();
    }

    void start(@Observes StartupEvent started) {
        Optional<String> appToken = bolt.appToken();
        if (appToken.isEmpty() || bolt.app().isEmpty()) {
            return;
        }
        Gauge.builder("aksdoctor.slack.socket.connected", this, s -> s.status().connected() ? 1 : 0)
                .description("1 while the Socket Mode connection to Slack is open (Socket Mode only)")
                .register(registry);
        if (!appToken.get().startsWith("xapp-")) {
            problem = "SLACK_APP_TOKEN is not an app-level token (xapp-…)";
            LOG.warn("Slack Socket Mode is off: SLACK_APP_TOKEN must be an app-level token (xapp-…, created under Basic "
                    + "Information → App-Level Tokens with the connections:write scope), not a bot or user token.");
            return;
        }
        String proxy = bolt.slack().getConfig().getProxyUrl();
        if (proxy != null && ProxyUrlUtil.parse(proxy).getUsername() != null && ProxyUrlUtil.parse(proxy).getPassword() != null) {
            problem = "the HTTPS proxy needs a password, which the Java-WebSocket client cannot send";
            LOG.warn("Slack Socket Mode is off: the HTTPS proxy URL carries a user name and password, which the "
                    + "Java-WebSocket client cannot send; use a proxy without authentication, or HTTP mode "
                    + "(SLACK_SIGNING_SECRET) instead.");
            return;
        }
        App app = bolt.app().get();
        parser = new SocketModeRequestParser(app.config());
        acks = Executors.newFixedThreadPool(settings.socketModeConcurrency(), daemonThreads("slack-socket-mode-ack"));
        connector = Executors.newSingleThreadScheduledExecutor(daemonThreads("slack-socket-mode-connect"));
        connector.execute(() -> connect(appToken.get(), FIRST_RETRY));
    }

    void stop(@Observes ShutdownEvent stopping) {
        this.stopping = true;
        if (connector == null) {
            return;
        }
        connector.shutdownNow();
        try {
            // A first connection being opened right now finishes (or gives up) before we look for it.
            connector.awaitTermination(DRAIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        SocketModeConnection current = connection;
        if (current != null) {
            current.setAutoReconnectEnabled(false);
        }
        acks.shutdown();
        try {
            if (!acks.awaitTermination(DRAIN.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Slack Socket Mode stopped with envelopes still being acknowledged; Slack will deliver them again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (current != null) {
            try {
                current.close();
            } catch (IOException | RuntimeException e) {
                LOG.debugf("Closing the Slack Socket Mode connection: %s", e);
            }
        }
    }

    public Status status() {
        SocketModeConnection current = connection;
        boolean enabled = bolt.appToken().isPresent() && bolt.app().isPresent();
        if (current == null) {
            return new Status(enabled, false, created, Optional.ofNullable(problem));
        }
        return new Status(enabled, current.isOpen(), current.since(), current.problem());
    }

    /**
     * The first connection: Bolt's auth.test for the bot token, apps.connections.open for the app token, then the
     * WebSocket. Slack may be unreachable when the pod starts, so failures are retried, waiting twice as long each
     * time up to a minute; after that Bolt's session monitor keeps the connection alive.
     */
    private void connect(String appToken, Duration wait) {
        if (stopping) {
            return;
        }
        try {
            bolt.app().orElseThrow().start();
            // Bolt no longer checks the bot token when it starts (SlackBolt asks auth.test once, when first needed):
            // check it here, as Bolt did, before asking for a connection.
            var identity = bolt.authTest();
            if (!identity.isOk()) {
                throw new IllegalArgumentException("The token is invalid (auth.test error: " + identity.getError() + ")");
            }
            String url = bolt.slack().issueSocketModeUrl(appToken);
            SocketModeConnection opened = new SocketModeConnection(bolt.slack(), appToken, url,
                    settings.socketModeCheckInterval(), clock);
            opened.addWebSocketMessageListener(message -> received(opened, message));
            connection = opened;
            opened.open();
            problem = null;
            if (stopping) {
                // Shut down while this connection was being opened, too late for stop() to see it.
                opened.close();
            }
        } catch (Exception e) {
            // IOException (network), IllegalStateException (apps.connections.open said ok:false),
            // IllegalArgumentException (auth.test refused the bot token). The same problem again is logged once.
            String previous = problem;
            problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (problem.equals(previous)) {
                LOG.debugf("Slack Socket Mode could not connect (%s); trying again in %d s", problem, wait.toSeconds());
            } else {
                LOG.warnf("Slack Socket Mode could not connect (%s); trying again in %d s", problem, wait.toSeconds());
            }
            Duration next = wait.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait.multipliedBy(2);
            try {
                connector.schedule(() -> connect(appToken, next), wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopped) {
                // shutting down
            }
        }
    }

    /** Runs on Bolt's polling thread: hand over at once so one slow envelope does not hold up the next. */
    private void received(SocketModeConnection via, String message) {
        if (message.contains("\"hello\"") && "hello".equals(typeOf(message))) {
            via.helloReceived();
            return;
        }
        try {
            acks.execute(() -> acknowledge(via, message));
        } catch (RejectedExecutionException stopped) {
            // Shutting down: left unacknowledged, so Slack retries it if it is an event.
        }
    }

    private void acknowledge(SocketModeConnection via, String message) {
        long started = System.nanoTime();
        ackPriority.ackStarted();
        try {
            SocketModeRequest request;
            try {
                request = parser.parse(message);
            } catch (RuntimeException e) {
                // Only the type: Gson and URLDecoder quote fragments of the payload (a paste with its secrets).
                LOG.warnf("Refused a Slack envelope that could not be read (%s)", e.getClass().getSimpleName());
                return;
            }
            if (request == null) {
                return;
            }
            String envelopeId = request.getEnvelope().getEnvelopeId();
            if (request.getBoltRequest() == null) {
                LOG.warnf("Refused a Slack envelope of no kind Bolt knows (type %s)", request.getEnvelope().getType());
                return;
            }
            Response response;
            try {
                Optional<Response> refused = admission.refusal(request.getBoltRequest(), "envelope:" + envelopeId);
                response = refused.isPresent() ? refused.get() : bolt.app().orElseThrow().run(request.getBoltRequest());
            } catch (Exception e) {
                // As on HTTP, Slack sees a failure (no acknowledgement: it retries events, and tells the user), and
                // the operator the cause, without the payload.
                LOG.errorf("Slack request failed: %s", e.toString());
                return;
            }
            if (response.getStatusCode() != 200) {
                LOG.debugf("Slack envelope %s not acknowledged: Bolt answered %d", envelopeId, response.getStatusCode());
                return;
            }
            via.sendSocketModeResponse(ack(envelopeId, response));
            metrics.recordAck(System.nanoTime() - started);
        } finally {
            ackPriority.ackFinished();
        }
    }

    /** The acknowledgement: the envelope id, and Bolt's response body as the payload Slack shows or acts on. */
    static String ack(String envelopeId, Response response) {
        JsonObject ack = new JsonObject();
        ack.addProperty("envelope_id", envelopeId);
        String body = response.getBody();
        if (body != null && !body.isEmpty()) {
            if (response.getContentType() != null && response.getContentType().startsWith("application/json")) {
                ack.add("payload", JsonParser.parseString(body));
            } else {
                JsonObject text = new JsonObject();
                text.addProperty("text", body);
                ack.add("payload", text);
            }
        }
        return ack.toString();
    }

    private static String typeOf(String message) {
        try {
            JsonElement type = JsonParser.parseString(message).getAsJsonObject().get("type");
            return type == null || type.isJsonNull() ? null : type.getAsString();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
