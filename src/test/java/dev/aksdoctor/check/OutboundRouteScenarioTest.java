package dev.aksdoctor.check;

import static dev.aksdoctor.diagnosis.DiagnosisBuilder.diagnosis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aksdoctor.azure.ArmWorld;
import dev.aksdoctor.diagnosis.CheckId;
import dev.aksdoctor.diagnosis.Diagnosis;
import dev.aksdoctor.diagnosis.OsType;
import dev.aksdoctor.diagnosis.Subcategory;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Exit 50 (and provisioning timeouts) fail on the required endpoints, so the route that decides them is the one
 * for the internet: a default route to None black-holes MCR even when the API server has a route of its own.
 */
class OutboundRouteScenarioTest {

    /** Exit 50 as the parser reads a paste that also names the API server's address. */
    private static Diagnosis exit50() {
        return diagnosis().error("VMExtensionError_OutboundConnFail", 50, OsType.LINUX)
                .subcategory(Subcategory.CONNECTION_TIMED_OUT).nodeIp("10.240.0.4").apiServerIp(ArmWorld.API_SERVER_IP)
                .region(ArmWorld.LOCATION).privateCluster(false).cluster(Diagnoses.CLUSTER)
                .summary("Nodes cannot reach mcr.microsoft.com.").plan(List.of(CheckId.NSG_OUTBOUND, CheckId.ROUTE_TABLE,
                        CheckId.EGRESS_APPLIANCE, CheckId.VNET_DNS_SERVERS, CheckId.NODE_OUTBOUND_PROBE)).build();
    }

    private static Answer answer(ArmWorld w) {
        return PlaybookScenarioTest.answer(w, exit50(), InvestigationOptions.DEFAULT);
    }

    private static String describe(Answer a) {
        return a.report().findings().stream().map(CheckHarness::text).collect(Collectors.joining("\n"));
    }

    @Test
    void exit50_defaultRouteToNoneBesideAnApiServerRoute_likelyCauseIsTheDefaultRoute() {
        ArmWorld w = new ArmWorld().route("api-direct", ArmWorld.API_SERVER_IP + "/32", "Internet", null)
                .route("drop-all", "0.0.0.0/0", "None", null);
        Answer a = answer(w);
        Finding f = a.report().likelyCause().orElseThrow(() -> new AssertionError(describe(a)));
        assertEquals(CheckId.ROUTE_TABLE, f.checkId(), describe(a));
        assertEquals("Route drop-all sends outbound traffic to the required AKS endpoints to None (black hole)",
                f.title());
    }

    @Test
    void exit50_apiServerAndDefaultRoutesToTheInternet_nothingBlamed() {
        ArmWorld w = new ArmWorld().route("api-direct", ArmWorld.API_SERVER_IP + "/32", "Internet", null)
                .route("default-internet", "0.0.0.0/0", "Internet", null);
        Answer a = answer(w);
        assertTrue(a.report().likelyCause().isEmpty(), describe(a));
        Finding route = a.report().findings().stream().filter(f -> f.checkId() == CheckId.ROUTE_TABLE).findFirst()
                .orElseThrow();
        assertEquals("The route to the required AKS endpoints has a working next hop", route.title());
    }
}
