package dev.aksdoctor.check;

import static dev.aksdoctor.check.EgressPathChecksTest.FW_IP;
import static dev.aksdoctor.check.EgressPathChecksTest.FW_PIP;
import static dev.aksdoctor.check.EgressPathChecksTest.appCollection;
import static dev.aksdoctor.check.EgressPathChecksTest.appRule;
import static dev.aksdoctor.check.EgressPathChecksTest.firewall;
import static dev.aksdoctor.check.EgressPathChecksTest.hubAndSpoke;
import static dev.aksdoctor.check.EgressPathChecksTest.hubFirewalls;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aksdoctor.azure.ArmWorld;
import dev.aksdoctor.diagnosis.CheckId;
import dev.aksdoctor.diagnosis.Diagnosis;
import dev.aksdoctor.diagnosis.Subcategory;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Seed 001, "No route to host": routing, peering or private endpoint configuration is broken. The nodes' default
 * route leads to a hub firewall through a peering; a peering that is not Connected drops that traffic.
 */
class PeeredApplianceScenarioTest {

    /** The hub firewall allows AKS (FQDN tag) and its public IP is authorized: only the peering can be wrong. */
    private static ArmWorld hubFirewallThroughPeering(String peeringState) {
        ArmWorld w = hubAndSpoke().authorizedRanges(ArmWorld.VNET_CIDR, FW_PIP + "/32");
        hubFirewalls(w, firewall(appCollection("aks", 100, "Allow", appRule("aks", "", "\"AzureKubernetesService\"")),
                null));
        ((ObjectNode) w.vnet.get("properties").get("virtualNetworkPeerings").get(0).get("properties"))
                .put("peeringState", peeringState);
        return w;
    }

    private static Answer answer(ArmWorld w, Diagnosis d) {
        return PlaybookScenarioTest.answer(w, d, InvestigationOptions.DEFAULT);
    }

    private static String describe(Answer a) {
        return a.report().findings().stream().map(CheckHarness::text).collect(Collectors.joining("\n"));
    }

    @Test
    void noRouteToHost_peeringToTheHubFirewallDisconnected_likelyCauseIsThePeering() {
        Answer a = answer(hubFirewallThroughPeering("Disconnected"),
                Diagnoses.connection(Subcategory.NO_ROUTE_TO_HOST, Diagnoses.NO_ROUTE));
        Finding f = a.report().likelyCause().orElseThrow(() -> new AssertionError(describe(a)));
        assertEquals(CheckId.EGRESS_APPLIANCE, f.checkId(), describe(a));
        assertEquals("Peering spoke-to-hub to vnet-hub is Disconnected: the appliance " + FW_IP
                + " cannot be reached (black hole)", f.title());
        assertTrue(f.evidence().get(0).resourceId().endsWith("/virtualNetworkPeerings/spoke-to-hub"),
                CheckHarness.text(f));
    }

    @Test
    void timedOut_peeringToTheHubFirewallDisconnected_likelyCauseIsThePeering() {
        Answer a = answer(hubFirewallThroughPeering("Disconnected"), Diagnoses.timedOut());
        Finding f = a.report().likelyCause().orElseThrow(() -> new AssertionError(describe(a)));
        assertEquals(CheckId.EGRESS_APPLIANCE, f.checkId(), describe(a));
        assertTrue(f.title().startsWith("Peering spoke-to-hub"), f.title());
    }

    @Test
    void noRouteToHost_connectedPeeringToAFirewallThatAllowsAks_nothingBlamed() {
        Answer a = answer(hubFirewallThroughPeering("Connected"),
                Diagnoses.connection(Subcategory.NO_ROUTE_TO_HOST, Diagnoses.NO_ROUTE));
        assertTrue(a.report().likelyCause().isEmpty(), describe(a));
    }
}
