package dev.aksdoctor.check;

import dev.aksdoctor.azure.ArmWorld;
import dev.aksdoctor.azure.AzureArmGateway;
import dev.aksdoctor.azure.ClusterInventory;
import dev.aksdoctor.azure.FakeArm;
import dev.aksdoctor.azure.FakeArmGateways;
import dev.aksdoctor.azure.TestAzureConfig;
import dev.aksdoctor.diagnosis.ClusterRef;
import dev.aksdoctor.diagnosis.Diagnosis;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Runs checks against the production gateway talking to one shared fake ARM. */
final class CheckHarness {

    static final FakeArm ARM = FakeArm.start();
    static final AzureArmGateway GATEWAY = FakeArmGateways.gateway(ARM);
    static final ClusterRef CLUSTER = new ClusterRef(ArmWorld.SUB, ArmWorld.RG, ArmWorld.NAME);
    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "check-test");
        t.setDaemon(true);
        return t;
    });

    static {
        // The first token costs seconds on a loaded machine; take it before any check's timeout starts.
        GATEWAY.access();
    }

    private CheckHarness() {
    }

    static Finding run(Check check, ArmWorld world, Diagnosis diagnosis) {
        return run(check, world, diagnosis, false);
    }

    static Finding run(Check check, ArmWorld world, Diagnosis diagnosis, boolean probes) {
        ARM.reset();
        world.install(ARM);
        InvestigationFacts facts = new InvestigationFacts(GATEWAY, CLUSTER, diagnosis, Clock.systemUTC(),
                Duration.ofHours(24), EXECUTOR);
        CheckContext context = new CheckContext(diagnosis, CLUSTER, facts, probes);
        return new CheckRunner(List.of(check), EXECUTOR, Duration.ofSeconds(60))
                .run(List.of(check.id()), context, ProgressListener.NONE).get(0);
    }

    static Investigator investigator() {
        TestAzureConfig config = TestAzureConfig.fake().withSubscriptions(List.of(ArmWorld.SUB));
        return new Investigator(GATEWAY, new ClusterLocator(new ClusterInventory(GATEWAY, config, Clock.systemUTC()), GATEWAY),
                AllChecks.all(), config, Clock.systemUTC());
    }

    static String text(Finding f) {
        StringBuilder b = new StringBuilder(f.outcome() + " " + f.title());
        f.evidence().forEach(e -> b.append("\n  ").append(e.text()).append(" [").append(e.resourceId()).append(']'));
        if (f.remedy() != null) {
            b.append("\n  remedy: ").append(f.remedy());
        }
        return b.toString();
    }
}
