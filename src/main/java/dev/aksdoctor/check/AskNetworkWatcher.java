package dev.aksdoctor.check;

import dev.aksdoctor.azure.ArmException;
import dev.aksdoctor.azure.ArmGateway;
import dev.aksdoctor.azure.NetworkWatcherFacts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks Network Watcher what a {@link PlatformPlan} names, all at once and within one time box: the region's watcher,
 * then per destination the next hop and IP flow verify (TCP 443), and the NIC's effective routes and effective
 * security rules while the instance runs. Each is a long-running ARM operation (202, then polling) that takes seconds; whatever has not answered when
 * the time box ends is reported as late, never waited for, and interrupted so that it stops polling.
 */
public final class AskNetworkWatcher {

    private final ArmGateway gateway;
    private final ExecutorService executor;
    private final Duration timeout;

    /** {@code executor} runs the calls; it must not be bounded small (they block on polling). */
    public AskNetworkWatcher(ArmGateway gateway, ExecutorService executor, Duration timeout) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    public PlatformAnswers ask(PlatformPlan plan) {
        if (plan.problem() != null) {
            return PlatformAnswers.unasked(plan.problem());
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Future<List<NetworkWatcherFacts.Watcher>> listed = executor.submit(
                () -> gateway.networkWatchers(plan.subscriptionId()));
        await(List.of(listed), deadline);
        PlatformAnswers.Answer<List<NetworkWatcherFacts.Watcher>> watchers = outcome(listed);
        if (watchers.timedOut()) {
            return PlatformAnswers.unasked(PlatformVerdicts.timedOut("Network Watcher", timeout).line());
        }
        if (!watchers.answered()) {
            return PlatformAnswers.unasked(failure("Network Watcher", watchers.error()));
        }
        Optional<NetworkWatcherFacts.Watcher> watcher = PlatformVerdicts.watcherIn(watchers.value(), plan.region());
        if (watcher.isEmpty()) {
            return PlatformAnswers.unasked(PlatformVerdicts.notEnabled(plan.region()).line());
        }
        String watcherId = watcher.get().id();
        List<Future<?>> all = new ArrayList<>();
        List<Future<NetworkWatcherFacts.NextHop>> hops = new ArrayList<>();
        List<Future<NetworkWatcherFacts.IpFlow>> flows = new ArrayList<>();
        for (PlatformPlan.Destination d : plan.destinations()) {
            hops.add(plan.askRoutes() ? executor.submit(() -> gateway.nextHop(watcherId, plan.targetVmId(),
                    plan.sourceIp(), d.ip())) : null);
            flows.add(plan.askNsg() ? executor.submit(() -> gateway.ipFlowVerify(watcherId, plan.targetVmId(),
                    plan.sourceIp(), d.ip(), 443)) : null);
        }
        boolean running = PlatformVerdicts.effectiveRoutesSkipped(plan.powerState()).isEmpty();
        Future<List<NetworkWatcherFacts.EffectiveRoute>> routes = plan.askRoutes() && running
                ? executor.submit(() -> gateway.effectiveRoutes(plan.nicId())) : null;
        Future<List<NetworkWatcherFacts.EffectiveSecurityGroup>> rules = plan.askNsg() && running
                ? executor.submit(() -> gateway.effectiveSecurityRules(plan.nicId())) : null;
        hops.stream().filter(Objects::nonNull).forEach(all::add);
        flows.stream().filter(Objects::nonNull).forEach(all::add);
        if (routes != null) {
            all.add(routes);
        }
        if (rules != null) {
            all.add(rules);
        }
        await(all, deadline);
        List<PlatformAnswers.DestinationAnswers> answers = new ArrayList<>();
        for (int i = 0; i < plan.destinations().size(); i++) {
            answers.add(new PlatformAnswers.DestinationAnswers(plan.destinations().get(i), outcome(hops.get(i)),
                    outcome(flows.get(i))));
        }
        return new PlatformAnswers(Optional.empty(), answers, outcome(routes), outcome(rules));
    }

    private static void await(List<? extends Future<?>> futures, long deadline) {
        for (Future<?> f : futures) {
            try {
                f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException | CancellationException e) {
                // Read per call below: late ones are cancelled, failed ones carry their exception.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static <T> PlatformAnswers.Answer<T> outcome(Future<T> future) {
        if (future == null) {
            return PlatformAnswers.Answer.notAsked();
        }
        if (!future.isDone()) {
            // Interrupts the call: the SDK's blocking poll ends instead of polling on after we stopped listening.
            future.cancel(true);
            return PlatformAnswers.Answer.late();
        }
        try {
            return PlatformAnswers.Answer.of(future.get());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return PlatformAnswers.Answer.failed(cause instanceof RuntimeException ? (RuntimeException) cause
                    : new IllegalStateException(cause));
        } catch (CancellationException e) {
            return PlatformAnswers.Answer.late();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PlatformAnswers.Answer.late();
        }
    }

    static String failure(String what, RuntimeException e) {
        return e instanceof ArmException ? PlatformVerdicts.failed(what, (ArmException) e).line()
                : "No platform verdict for " + what + ": " + e.getMessage();
    }
}
