package dev.aksdoctor.check;

import dev.aksdoctor.azure.ArmException;
import dev.aksdoctor.diagnosis.CheckId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Runs a plan's checks in parallel, each after the checks it depends on, all within one time box counted from the
 * start of the run. A check that throws or is still running at the end becomes a finding (a 403 names the missing
 * permission and scope); it never fails the others.
 */
public final class CheckRunner {

    private static final Logger LOG = Logger.getLogger(CheckRunner.class);

    private final Map<CheckId, Check> checks;
    private final Executor executor;
    private final Duration timeout;

    public CheckRunner(List<Check> checks, Executor executor, Duration timeout) {
        this.checks = new LinkedHashMap<>();
        checks.forEach(c -> this.checks.put(c.id(), c));
        this.executor = Objects.requireNonNull(executor, "executor");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** Findings in plan order; the listener hears about each as it finishes. */
    public List<Finding> run(List<CheckId> plan, CheckContext context, ProgressListener listener) {
        List<CheckId> ordered = new ArrayList<>(new LinkedHashSet<>(plan));
        Map<CheckId, CompletableFuture<Finding>> futures = new LinkedHashMap<>();
        for (CheckId id : ordered) {
            schedule(id, ordered, context, futures, listener);
        }
        List<Finding> findings = new ArrayList<>();
        for (CheckId id : ordered) {
            findings.add(futures.get(id).join());
        }
        return findings;
    }

    private CompletableFuture<Finding> schedule(CheckId id, List<CheckId> plan, CheckContext context,
            Map<CheckId, CompletableFuture<Finding>> futures, ProgressListener listener) {
        CompletableFuture<Finding> existing = futures.get(id);
        if (existing != null) {
            return existing;
        }
        Check check = checks.get(id);
        List<CompletableFuture<Finding>> deps = new ArrayList<>();
        if (check != null) {
            for (CheckId dep : check.after()) {
                if (plan.contains(dep) && dep != id) {
                    deps.add(schedule(dep, plan, context, futures, listener));
                }
            }
        }
        CompletableFuture<Finding> f = CompletableFuture.allOf(deps.toArray(CompletableFuture[]::new))
                .handle((v, ex) -> null)
                .thenCompose(v -> CompletableFuture.supplyAsync(() -> runOne(id, check, context), executor))
                // From the round's start, not the check's: a check waiting on one that hangs (or on the same hung
                // ARM read) is not given a time box of its own, so one hung call costs the round at most this.
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(ex -> failure(id, ex))
                .thenApply(finding -> {
                    try {
                        listener.checkFinished(finding);
                    } catch (RuntimeException e) {
                        LOG.warnf(e, "progress listener failed for %s", id.id());
                    }
                    return finding;
                });
        futures.put(id, f);
        return f;
    }

    private static Finding runOne(CheckId id, Check check, CheckContext context) {
        if (check == null) {
            return Finding.skipped(id, "No check is available for " + id.id(), null, List.of());
        }
        Finding f = check.run(context);
        return f == null ? Finding.skipped(id, "The check returned nothing", null, List.of()) : f;
    }

    Finding failure(CheckId id, Throwable ex) {
        Throwable cause = ex;
        while ((cause instanceof CompletionException || cause.getClass() == RuntimeException.class)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof ArmException) {
            return armFailure(id, (ArmException) cause);
        }
        if (cause instanceof TimeoutException) {
            return new Finding(id, Outcome.ERROR, "Timed out after " + timeout.toSeconds() + " s", List.of(),
                    "ARM did not answer in time; re-run the checks.", null,
                    List.of(SuggestedAction.of(NextAction.RERUN_CHECKS)));
        }
        LOG.warnf(cause, "check %s failed", id.id());
        return new Finding(id, Outcome.ERROR, "The check failed: " + cause.getClass().getSimpleName(),
                List.of(Evidence.of(Optional.ofNullable(cause.getMessage()).orElse("no message"))),
                "Re-run the checks; if it keeps failing, report it with this message.", null,
                List.of(SuggestedAction.of(NextAction.RERUN_CHECKS)));
    }

    static Finding armFailure(CheckId id, ArmException e) {
        switch (e.kind()) {
            case NO_CREDENTIAL:
                return new Finding(id, Outcome.SKIPPED, "Skipped: Azure access is not configured", List.of(),
                        e.getMessage(), null, List.of());
            case FORBIDDEN:
                String permission = e.permission().orElse("(unknown permission)");
                String scope = e.scope().orElse("(unknown scope)");
                return new Finding(id, Outcome.ERROR, "Missing permission " + permission,
                        List.of(Evidence.of(permission + " on " + scope, scope)),
                        "Grant AKS Doctor's identity " + permission + " on " + scope
                                + " (the README lists a least-privilege role), then re-run.",
                        Docs.RBAC, List.of(SuggestedAction.of(NextAction.RERUN_CHECKS)));
            case NOT_FOUND:
                return new Finding(id, Outcome.ERROR, "A resource the check needs does not exist",
                        List.of(Evidence.of(e.getMessage(), e.scope().orElse(null))),
                        "The cluster refers to a resource that is gone or in a subscription AKS Doctor cannot see.",
                        null, List.of(SuggestedAction.of(NextAction.RERUN_CHECKS)));
            case THROTTLED:
                return new Finding(id, Outcome.ERROR, "ARM throttled the requests",
                        List.of(Evidence.of(e.getMessage(), e.scope().orElse(null))),
                        "Azure Resource Manager is rate-limiting this identity; re-run in a minute.", null,
                        List.of(SuggestedAction.of(NextAction.RERUN_CHECKS)));
            case FAILED:
            default:
                return new Finding(id, Outcome.ERROR, "ARM call failed",
                        List.of(Evidence.of(e.getMessage(), e.scope().orElse(null))),
                        "Re-run the checks; if it keeps failing, check Azure status.", null,
                        List.of(SuggestedAction.of(NextAction.RERUN_CHECKS)));
        }
    }
}
