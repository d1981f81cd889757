package dev.aksdoctor.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aksdoctor.azure.ArmException;
import dev.aksdoctor.azure.ArmWorld;
import dev.aksdoctor.azure.AzureArmGateway;
import dev.aksdoctor.azure.FakeArm;
import dev.aksdoctor.azure.FakeArmGateways;
import dev.aksdoctor.check.AksDetectors;
import dev.aksdoctor.check.DetectorWindow;
import dev.aksdoctor.diagnosis.ClusterRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The digest's detector runs against the fake ARM, through the production gateway and its SDK pipeline. */
class CollectDetectorInsightsTest {

    static final FakeArm ARM = FakeArm.start();
    static final AzureArmGateway GATEWAY = FakeArmGateways.gateway(ARM);
    static final AksDetectors DETECTORS = new AksDetectors(GATEWAY, Clock.systemUTC());
    static final ClusterRef AKS1 = new ClusterRef(ArmWorld.SUB, ArmWorld.RG, ArmWorld.NAME);
    static final ClusterRef AKS2 = new ClusterRef(ArmWorld.SUB, ArmWorld.RG, "aks2");
    static final String DETECTORS_1 = ArmWorld.CLUSTER_ID + "/detectors";
    static final String DETECTORS_2 = AKS2.resourceId().orElseThrow() + "/detectors";
    /** The slow one: its calls still in flight when a test ends must not land in another test's counts. */
    static final ClusterRef SLOW = new ClusterRef(ArmWorld.SUB, ArmWorld.RG, "aks-slow");

    static {
        GATEWAY.access();
    }

    @AfterAll
    static void stop() {
        ARM.close();
    }

    @BeforeEach
    void reset() {
        ARM.reset();
    }

    static void serveCrud(String detectors) {
        ARM.json("GET", detectors, fixture("list.json"));
        ARM.json("GET", detectors + "/aks-category-crud", fixture("crud.json"));
        ARM.json("GET", detectors + "/aks-cluster-put-failures", fixture("put.json"));
        ARM.json("GET", detectors + "/agentpool-put-failures", fixture("pool.json"));
        ARM.json("GET", detectors + "/aks-k8s-deprecations", fixture("dep.json"));
    }

    static List<ClusterDetectors> collect(Duration timeout, ClusterRef... clusters) {
        return new CollectDetectorInsights(DETECTORS, 4, timeout)
                .start(List.of(clusters), DetectorWindow.since(null, Instant.now())).results();
    }

    @Test
    void collect_everyCategoryOfEachCluster_criticalInsightsRead_oneClusterRefused() {
        serveCrud(DETECTORS_1);
        ARM.forbid("GET", DETECTORS_2, "Microsoft.ContainerService/managedClusters/detectors/read");

        List<ClusterDetectors> runs = collect(Duration.ofSeconds(30), AKS1, AKS2);

        assertEquals(List.of(AKS1, AKS2), runs.stream().map(ClusterDetectors::cluster).toList());
        assertEquals(3, runs.get(0).reports().size(), "connectivity, node health and CRUD");
        assertEquals(List.of("Cluster PUT operation failed with QuotaExceeded"),
                DetectorInsights.critical(runs.get(0).reports()).stream().map(i -> i.message()).toList());
        assertEquals(1, ARM.count("GET", DETECTORS_1), "the detector list is read once for all categories");
        ArmException refused = runs.get(1).failure();
        assertEquals(ArmException.Kind.FORBIDDEN, refused.kind());
        assertEquals("Microsoft.ContainerService/managedClusters/detectors/read", refused.permission().orElseThrow());
        assertTrue(ARM.requests().stream().filter(r -> r.path().startsWith(DETECTORS_1 + "/aks-cluster-put-failures"))
                .allMatch(r -> r.query().contains("startTime=") && r.query().contains("endTime=")));
    }

    @Test
    void collect_detectorsSlowerThanTheTimeBox_clusterTimedOutNotTheDigest() {
        serveCrud(SLOW.resourceId().orElseThrow() + "/detectors");
        ARM.latency(Duration.ofSeconds(2));

        long started = System.nanoTime();
        List<ClusterDetectors> runs = collect(Duration.ofMillis(300), SLOW);

        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofMillis(1500)) < 0,
                "the time box is kept, not the detectors' time");
        assertTrue(runs.get(0).timedOut());
        assertFalse(runs.get(0).reports().iterator().hasNext());
    }

    static String fixture(String name) {
        try (InputStream in = CollectDetectorInsightsTest.class.getResourceAsStream("/arm/detectors/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
