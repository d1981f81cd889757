package dev.aksdoctor.azure;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import org.jboss.logging.Logger;

/**
 * azure-core-http-vertx 1.1.0 fails its response promise a second time whenever a response fails (an ARM read
 * timeout, a dropped connection). The first failure is the one the SDK reports and ArmErrors maps; the second reaches
 * Vert.x as an unhandled {@code IllegalStateException("Result is already complete")}, which Vert.x would log as an
 * ERROR with a stack trace for every hung ARM call. This handler drops exactly that one and passes anything else on to
 * the handler Vert.x had (Quarkus' own, in production).
 */
public final class DoubleFailureFilter implements Handler<Throwable> {

    private static final Logger LOG = Logger.getLogger(DoubleFailureFilter.class);
    private static final String SECOND_FAILURE = "Result is already complete";

    private final Handler<Throwable> next;

    private DoubleFailureFilter(Handler<Throwable> next) {
        this.next = next;
    }

    /** Puts the filter in front of {@code vertx}'s exception handler, once. */
    public static synchronized void installOn(Vertx vertx) {
        Handler<Throwable> current = vertx.exceptionHandler();
        if (!(current instanceof DoubleFailureFilter)) {
            vertx.exceptionHandler(new DoubleFailureFilter(current));
        }
    }

    static boolean isSecondFailure(Throwable e) {
        return e instanceof IllegalStateException && SECOND_FAILURE.equals(e.getMessage());
    }

    @Override
    public void handle(Throwable e) {
        if (isSecondFailure(e)) {
            LOG.debug("The Azure SDK's Vert.x client failed an already failed response again (ignored)");
        } else if (next != null) {
            next.handle(e);
        } else {
            LOG.error("Unhandled exception in Vert.x", e);
        }
    }
}
