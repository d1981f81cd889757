package dev.aksdoctor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aksdoctor.azure.ArmWarmUp;
import dev.aksdoctor.azure.ArmWorld;
import dev.aksdoctor.azure.AzureArmGateway;
import dev.aksdoctor.azure.ClusterInventory;
import dev.aksdoctor.azure.FakeArm;
import dev.aksdoctor.azure.FakeArmGateways;
import dev.aksdoctor.azure.TestAzureConfig;
import dev.aksdoctor.diagnosis.CheckId;
import dev.aksdoctor.diagnosis.Diagnosis;
import dev.aksdoctor.diagnosis.OsType;
import dev.aksdoctor.diagnosis.Subcategory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Issue 12: a paste arriving while the ARM session warms up is answered once, correctly, without a second token. */
class InvestigationDuringWarmUpTest {

    @Test
    void investigation_duringWarmUp_answeredOnceAndSharesTokenAndClusterList() throws Exception {
        FakeArm arm = CheckHarness.ARM;
        arm.reset();
        ArmWorld world = new ArmWorld();
        world.rule(world.subnetNsg, "block-api", "Outbound", "Deny", 150, "Tcp", "AzureCloud", "443");
        world.install(arm);
        arm.latency(Duration.ofMillis(150));
        // A fresh gateway: no token, no HTTP client, no managers yet (CheckHarness' shared one is warm already).
        AzureArmGateway gateway = FakeArmGateways.gateway(arm);
        TestAzureConfig config = TestAzureConfig.fake();
        ClusterInventory inventory = new ClusterInventory(gateway, config, Clock.systemUTC());
        Investigator investigator = new Investigator(gateway, new ClusterLocator(inventory, gateway),
                AllChecks.all(), config, Clock.systemUTC(), host -> Optional.of(ArmWorld.API_SERVER_IP));
        // The paste names the cluster only by its API server FQDN: locating it needs the cluster list.
        Diagnosis byFqdn = new Diagnosis("VMExtensionError_K8SAPIServerConnFail", 51, OsType.LINUX,
                Subcategory.CONNECTION_TIMED_OUT, "10.240.0.4", ArmWorld.API_SERVER_IP, ArmWorld.FQDN,
                ArmWorld.LOCATION, false, null, null, null, null, null, null, "Nodes cannot reach the API server.",
                null, Diagnoses.TIMED_OUT);
        List<Finding> heard = new CopyOnWriteArrayList<>();

        CompletableFuture<Void> warming = new ArmWarmUp(gateway, inventory, config).start();
        InvestigationReport report = investigator.investigate(byFqdn, Optional.empty(), heard::add);
        warming.get(60, TimeUnit.SECONDS);

        assertTrue(report.access().configured(), report.access().detail());
        assertEquals(ArmWorld.NAME, report.location().cluster().name(), report.location().how());
        assertEquals(CheckId.NSG_OUTBOUND, report.likelyCause().orElseThrow().checkId());
        assertEquals(Diagnoses.TIMED_OUT, report.findings().stream().map(Finding::checkId).toList());
        assertEquals(Diagnoses.TIMED_OUT.size(), heard.size(), "each check reported once");
        assertEquals(1, arm.requests().stream().filter(r -> r.path().endsWith("/oauth2/v2.0/token")).count(),
                "one token request for the warm-up and the investigation");
        assertEquals(1, arm.count("GET", ArmWorld.SUB_PATH + "/providers/Microsoft.ContainerService/managedClusters"),
                "one cluster list for both");
        assertFalse(arm.requests().stream().anyMatch(r -> !r.method().equals("GET") && !r.path().contains("oauth2")),
                "nothing but reads");
    }
}
