package dev.aksdoctor.slack;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Limits every request to {@code /slack/events} and {@code /api/} before any handler reads it.
 *
 * <p>Vert.x's idle and read timeouts restart with every byte, so a client sending one byte a second holds a
 * connection and a worker thread for as long as it likes. Here a request must be answered within
 * {@code aks-doctor.http.request-deadline} of its arrival (Slack's own limit is 3 s): past that it is answered
 * 408, saying what to do, and its connection closed, which also frees a thread blocked reading the body. A
 * declared body over {@code quarkus.http.limits.max-body-size} is answered 413 with a message here, where
 * Quarkus' own refusal has an empty body.
 */
@ApplicationScoped
public class RequestLimits {

    private static final Logger LOG = Logger.getLogger(RequestLimits.class);
    /** Before Quarkus' body handlers and the servlet's route. */
    static final int ORDER = -1_000;

    private final Duration deadline;
    private final long maxBody;

    public RequestLimits(@ConfigProperty(name = "aks-doctor.http.request-deadline", defaultValue = "10s") Duration deadline,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "2M") MemorySize maxBody) {
        this.deadline = deadline;
        this.maxBody = maxBody.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::limit);
    }

    void limit(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (!path.startsWith("/slack/") && !path.startsWith("/api/")) {
            ctx.next();
            return;
        }
        String length = ctx.request().getHeader("Content-Length");
        if (length != null && declaredOver(length)) {
            refuse(ctx.response(), 413, "The body is larger than " + maxBody / (1024 * 1024) + " MB: send the part of "
                    + "the paste with the error (Slack requests are far smaller).");
            return;
        }
        long timer = ctx.vertx().setTimer(deadline.toMillis(), id -> {
            HttpServerResponse response = ctx.response();
            if (response.ended() || response.closed()) {
                return;
            }
            LOG.infof("Closed a request to %s that took longer than %s (a slow or stalled body)", path, deadline);
            if (!response.headWritten()) {
                refuse(response, 408, "The request took longer than " + deadline.toSeconds() + " s to arrive: send "
                        + "the whole body at once.");
            }
            ctx.request().connection().close();
        });
        ctx.addEndHandler(done -> ctx.vertx().cancelTimer(timer));
        ctx.next();
    }

    private boolean declaredOver(String length) {
        try {
            return Long.parseLong(length.strip()) > maxBody;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void refuse(HttpServerResponse response, int status, String message) {
        response.setStatusCode(status)
                .putHeader("Content-Type", "text/plain; charset=utf-8")
                .putHeader("Connection", "close")
                .end(message);
    }
}
