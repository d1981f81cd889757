package dev.aksdoctor.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aksdoctor.diagnosis.ClusterRef;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
     * Also prints what the first use costs when asked (alone, for a cold JVM:
     * {@code ./mvnw -B -q test -Dtest=ArmSessionTest -Dfirst-use.report=true}): the first cluster read of a fresh
     * session (credential, pipeline, the container service manager, token, GET), then every manager the checks use.
     */
    @Test
    void managers_firstUse_builtOncePerSubscription() {
        arm.reset();
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
        if (Boolean.getBoolean("first-use.report")) {
            System.out.println(report);
        }

        assertSame(containerService, session.containerService(SUB.toUpperCase()));
        assertEquals(1, arm.count("GET", AzureArmGatewayTest.CLUSTER_PATH));
    }

    @Test
    void prepare_buildsTheClientsWithoutCallingAzure_andTheFirstReadUsesThem() {
        arm.reset();
        arm.json("GET", AzureArmGatewayTest.CLUSTER_PATH, ArmFixtures.write(ArmFixtures.body("ManagedClustersGet.json")));
        AzureArmGateway gateway = new AzureArmGateway(TestAzureConfig.fake(), () -> FakeArmGateways.httpClient(arm),
                FakeArmGateways.credentialSettings(), Clock.systemUTC());

        gateway.prepare(SUB);

        assertEquals(List.of(), arm.requests(), "no token request, no ARM call");
        gateway.cluster(new ClusterRef(SUB, "rg1", "clustername1"));
        assertEquals(1, arm.count("GET", AzureArmGatewayTest.CLUSTER_PATH));
    }

    @Test
    void token_concurrentFirstCalls_oneTokenRequest() throws Exception {
        arm.reset();
        arm.json("GET", AzureArmGatewayTest.CLUSTER_PATH, ArmFixtures.write(ArmFixtures.body("ManagedClustersGet.json")));
        arm.latency(java.time.Duration.ofMillis(200));
        AzureArmGateway gateway = new AzureArmGateway(TestAzureConfig.fake(), () -> FakeArmGateways.httpClient(arm),
                FakeArmGateways.credentialSettings(), Clock.systemUTC());
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<?>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                int n = i;
                calls.add(pool.submit(() -> n % 2 == 0 ? gateway.access()
                        : gateway.cluster(new ClusterRef(SUB, "rg1", "clustername1"))));
            }
            for (var call : calls) {
                call.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            arm.latency(java.time.Duration.ZERO);
        }

        assertEquals(1, arm.requests().stream().filter(r -> r.path().endsWith("/oauth2/v2.0/token")).count(),
                arm.requests().toString());
        assertEquals(3, arm.count("GET", AzureArmGatewayTest.CLUSTER_PATH));
    }

    @Test
    void configuredCredential_noSettings_emptyAndNothingCalled() {
        arm.reset();
        AzureArmGateway gateway = new AzureArmGateway(TestAzureConfig.fake(), () -> {
            throw new AssertionError("nothing may be built to read the settings");
        }, FakeArmGateways.environment(Map.of()), Clock.systemUTC());

        assertEquals(Optional.empty(), gateway.configuredCredential());
        assertTrue(new ArmWarmUp(gateway, new ClusterInventory(gateway, TestAzureConfig.fake(), Clock.systemUTC()),
                TestAzureConfig.fake()).start().isDone(), "nothing to warm");
        assertEquals(List.of(), arm.requests());
    }

    @Test
    void configuredCredential_workloadIdentity_namesIt() {
        AzureArmGateway gateway = new AzureArmGateway(TestAzureConfig.fake(), () -> {
            throw new AssertionError("nothing may be built to read the settings");
        }, FakeArmGateways.environment(Map.of("AZURE_CLIENT_ID", "id", "AZURE_TENANT_ID", "t",
                "AZURE_FEDERATED_TOKEN_FILE", "/var/run/secrets/azure/tokens/azure-identity-token")), Clock.systemUTC());

        assertEquals(Optional.of("workload identity (AZURE_FEDERATED_TOKEN_FILE)"), gateway.configuredCredential());
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
