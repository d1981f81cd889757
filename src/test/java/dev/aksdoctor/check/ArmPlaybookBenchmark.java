package dev.aksdoctor.check;

import dev.aksdoctor.azure.ArmWorld;
import dev.aksdoctor.azure.FakeArm;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The full "connection timed out" playbook against the fake ARM adding 100 ms to every call: wall time per
 * investigation, ARM fetches, and proof that no resource is fetched twice. Run with
 * {@code ./mvnw -B -Pbench test-compile exec:exec -Dbench.main=dev.aksdoctor.check.ArmPlaybookBenchmark -Dbench.args=}
 */
public final class ArmPlaybookBenchmark {

    private ArmPlaybookBenchmark() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0]) : 10;
        FakeArm arm = CheckHarness.ARM;
        ArmWorld world = new ArmWorld();
        Investigator investigator = CheckHarness.investigator();
        // Warm-up without latency: class loading, the token, the SDK's clients.
        arm.reset();
        world.install(arm);
        for (int i = 0; i < 3; i++) {
            investigator.investigate(Diagnoses.timedOut(), Optional.empty(), ProgressListener.NONE);
        }
        arm.latency(Duration.ofMillis(100));
        long best = Long.MAX_VALUE;
        long worst = 0;
        long total = 0;
        InvestigationReport last = null;
        for (int i = 0; i < runs; i++) {
            arm.clearRequests();
            long start = System.nanoTime();
            last = investigator.investigate(Diagnoses.timedOut(), Optional.empty(), ProgressListener.NONE);
            long ms = (System.nanoTime() - start) / 1_000_000;
            best = Math.min(best, ms);
            worst = Math.max(worst, ms);
            total += ms;
            Map<String, Long> perResource = arm.armRequests().stream().collect(Collectors.groupingBy(
                    r -> r.method() + " " + r.path().toLowerCase() + "?" + r.query(), Collectors.counting()));
            long duplicates = perResource.values().stream().filter(c -> c > 1).count();
            System.out.printf("run %2d: %4d ms, %d checks, %d ARM fetches (facts), %d ARM HTTP requests, %d fetched twice%n",
                    i + 1, ms, last.findings().size(), last.armCalls(), arm.armRequests().size(), duplicates);
            if (duplicates > 0) {
                perResource.entrySet().stream().filter(e -> e.getValue() > 1).forEach(e -> System.out.println("   twice: " + e));
            }
        }
        System.out.printf("connection-timed-out playbook, 100 ms per ARM call: best %d ms, mean %d ms, worst %d ms over %d runs%n",
                best, total / runs, worst, runs);
        System.out.println("ARM requests of the last run:");
        arm.armRequests().forEach(r -> System.out.println("  " + r.method() + " " + r.path()));
        System.out.println("likely cause: " + last.likelyCause().map(Finding::title).orElse("none (healthy world)"));
        System.exit(0);
    }
}
