package dev.aksdoctor.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.aksdoctor.diagnosis.ClusterRef;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArmSessionTest {

    static final String SUB = "00000000-0000-0000-0000-000000000000";
    static FakeArm arm;

    @BeforeAll
    static void start() {
        arm = FakeArm.start();
    }

    @AfterAll
    static void stop() {
        arm.close();
    }

    /**
     * Also prints what the first use costs (run it alone for a cold JVM:
     * {@code ./mvnw -B -q test -Dtest=ArmSessionTest}): the first cluster read of a fresh session (credential,
     * pipeline, the container service manager, token, GET), then every manager the checks use.
     */
    @Test
    void managers_firstUse_builtOncePerSubscription() {
        arm.json("GET", AzureArmGatewayTest.CLUSTER_PATH, ArmFixtures.write(ArmFixtures.body("ManagedClustersGet.json")));
        AzureArmGateway gateway = new AzureArmGateway(TestAzureConfig.fake(), () -> FakeArmGateways.httpClient(arm),
                FakeArmGateways.credentialSettings(), Clock.systemUTC());
        ArmSession session = new ArmSession(TestAzureConfig.fake(), () -> FakeArmGateways.httpClient(arm),
                FakeArmGateways.credentialSettings(), Clock.systemUTC());
        StringBuilder report = new StringBuilder("first use: ");

        timed(report, "first cluster read", () -> gateway.cluster(new ClusterRef(SUB, "rg1", "clustername1")));
        var containerService = timed(report, "then all managers", () -> {
            var first = session.containerService(SUB);
            session.network(SUB);
            session.compute(SUB);
            session.monitor(SUB);
            session.privateDns(SUB);
            session.resources(SUB);
            return first;
        });
        System.out.println(report);

        assertSame(containerService, session.containerService(SUB.toUpperCase()));
        assertEquals(1, arm.count("GET", AzureArmGatewayTest.CLUSTER_PATH));
    }

    /** Wall time, CPU time of this thread and classes loaded: the last two hold on a busy machine too. */
    private static <T> T timed(StringBuilder out, String what, Supplier<T> work) {
        long wall = System.nanoTime();
        long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        T result = work.get();
        out.append(what).append(": ").append((System.nanoTime() - wall) / 1_000_000).append(" ms wall, ")
                .append((ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu) / 1_000_000)
                .append(" ms cpu, ")
                .append(ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount() - classes)
                .append(" classes; ");
        return result;
    }
}
