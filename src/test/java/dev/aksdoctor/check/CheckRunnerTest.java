package dev.aksdoctor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aksdoctor.azure.ArmException;
import dev.aksdoctor.azure.ArmGateway;
import dev.aksdoctor.diagnosis.CheckId;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class CheckRunnerTest {

    private static Check check(CheckId id, Set<CheckId> after, Function<CheckContext, Finding> body) {
        return new Check() {
            @Override
            public CheckId id() {
                return id;
            }

            @Override
            public Set<CheckId> after() {
                return after;
            }

            @Override
            public Finding run(CheckContext context) {
                return body.apply(context);
            }
        };
    }

    private static CheckContext context() {
        ArmGateway unused = (ArmGateway) Proxy.newProxyInstance(ArmGateway.class.getClassLoader(),
                new Class<?>[] {ArmGateway.class}, (p, m, a) -> {
                    throw new AssertionError("no ARM in this test");
                });
        return new CheckContext(Diagnoses.timedOut(), Diagnoses.CLUSTER,
                new InvestigationFacts(unused, Diagnoses.CLUSTER, Diagnoses.timedOut(), Clock.systemUTC(),
                        Duration.ofHours(1)), false);
    }

    @Test
    void run_dependentCheck_startsAfterItsDependencyAndFindingsKeepPlanOrder() {
        List<CheckId> order = new CopyOnWriteArrayList<>();
        Check subnet = check(CheckId.NODE_SUBNET, Set.of(), c -> {
            order.add(CheckId.NODE_SUBNET);
            return Findings.pass(CheckId.NODE_SUBNET, "ok", List.of(), null);
        });
        Check nsg = check(CheckId.NSG_OUTBOUND, Set.of(CheckId.NODE_SUBNET), c -> {
            order.add(CheckId.NSG_OUTBOUND);
            return Findings.pass(CheckId.NSG_OUTBOUND, "ok", List.of(), null);
        });
        List<Finding> heard = new CopyOnWriteArrayList<>();
        List<Finding> findings = new CheckRunner(List.of(nsg, subnet), Executors.newCachedThreadPool(),
                Duration.ofSeconds(5)).run(List.of(CheckId.NSG_OUTBOUND, CheckId.NODE_SUBNET), context(), heard::add);
        assertEquals(List.of(CheckId.NODE_SUBNET, CheckId.NSG_OUTBOUND), order);
        assertEquals(List.of(CheckId.NSG_OUTBOUND, CheckId.NODE_SUBNET), findings.stream().map(Finding::checkId).toList());
        assertEquals(2, heard.size());
    }

    @Test
    void run_hangingCheck_timesOutWithoutFailingOthers() {
        CountDownLatch never = new CountDownLatch(1);
        Check hang = check(CheckId.ROUTE_TABLE, Set.of(), c -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
        Check crash = check(CheckId.HTTP_PROXY, Set.of(), c -> {
            throw new IllegalStateException("boom");
        });
        Check denied = check(CheckId.NSG_OUTBOUND, Set.of(), c -> {
            throw ArmException.forbidden("Microsoft.Network/networkSecurityGroups/read", "/subscriptions/x/resourceGroups/y");
        });
        Check fine = check(CheckId.CLUSTER_STATE, Set.of(), c -> Findings.pass(CheckId.CLUSTER_STATE, "ok", List.of(), null));
        List<Finding> f = new CheckRunner(List.of(hang, crash, denied, fine), Executors.newCachedThreadPool(),
                Duration.ofMillis(300)).run(List.of(CheckId.ROUTE_TABLE, CheckId.HTTP_PROXY, CheckId.NSG_OUTBOUND,
                        CheckId.CLUSTER_STATE), context(), ProgressListener.NONE);
        never.countDown();
        assertEquals(Outcome.ERROR, f.get(0).outcome());
        assertTrue(f.get(0).title().startsWith("Timed out"));
        assertEquals(Outcome.ERROR, f.get(1).outcome());
        assertTrue(f.get(1).evidence().get(0).text().contains("boom"));
        assertEquals("Missing permission Microsoft.Network/networkSecurityGroups/read", f.get(2).title());
        assertEquals(Outcome.PASS, f.get(3).outcome());
    }

    @Test
    void run_checksWaitingOnAHungOne_shareOneTimeBoxFromTheStart() {
        CountDownLatch never = new CountDownLatch(1);
        Function<CheckContext, Finding> hangs = c -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        };
        // A chain, as when every check waits on the same hung ARM read: each would otherwise get a box of its own.
        Check subnet = check(CheckId.NODE_SUBNET, Set.of(), hangs);
        Check nsg = check(CheckId.NSG_OUTBOUND, Set.of(CheckId.NODE_SUBNET), hangs);
        Check routes = check(CheckId.ROUTE_TABLE, Set.of(CheckId.NSG_OUTBOUND), hangs);
        long started = System.nanoTime();
        List<Finding> f = new CheckRunner(List.of(subnet, nsg, routes), Executors.newCachedThreadPool(),
                Duration.ofMillis(500)).run(List.of(CheckId.NODE_SUBNET, CheckId.NSG_OUTBOUND, CheckId.ROUTE_TABLE),
                        context(), ProgressListener.NONE);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        never.countDown();
        assertTrue(f.stream().allMatch(x -> x.outcome() == Outcome.ERROR && x.title().startsWith("Timed out")),
                f.toString());
        assertTrue(took.compareTo(Duration.ofMillis(1_200)) < 0, "three chained boxes would take 1.5 s; took " + took);
    }
}
