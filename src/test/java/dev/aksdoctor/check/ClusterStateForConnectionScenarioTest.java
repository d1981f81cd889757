package dev.aksdoctor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aksdoctor.azure.ArmWorld;
import dev.aksdoctor.diagnosis.CheckId;
import dev.aksdoctor.diagnosis.Diagnosis;
import dev.aksdoctor.diagnosis.PasteParser;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Seed 001: whatever the connection failure says (timed out, no route to host), a stopped cluster has no API server
 * to reach; its state is read even when the subcategory's playbook does not list it, and only then shown.
 */
class ClusterStateForConnectionScenarioTest {

    private static final PasteParser PARSER = new PasteParser();
    private static final String TIMED_OUT = "Code=\"VMExtensionProvisioningError\" Message=\"CSE failed with "
            + "'VMExtensionError_K8SAPIServerConnFail'. Node 10.240.0.4 could not reach API server at "
            + ArmWorld.API_SERVER_IP + ":443. Connection timed out.\"";
    private static final String NO_ROUTE = "CSE failed with 'VMExtensionError_K8SAPIServerConnFail'. Node 10.240.0.4 "
            + "could not reach API server at " + ArmWorld.API_SERVER_IP + ":443. No route to host.";

    private static Diagnosis paste(String text) {
        return PARSER.parse(text + "\ncluster: " + ArmWorld.CLUSTER_ID);
    }

    private static String describe(Answer a) {
        return a.report().findings().stream().map(CheckHarness::text).collect(Collectors.joining("\n"));
    }

    private static ArmWorld stopped() {
        ArmWorld w = new ArmWorld();
        w.clusterProperties().putObject("powerState").put("code", "Stopped");
        return w;
    }

    @Test
    void timedOut_stoppedCluster_likelyCauseIsTheStoppedClusterWithStart() {
        Diagnosis d = paste(TIMED_OUT);
        assertFalse(d.plan().contains(CheckId.CLUSTER_STATE), d.plan().toString());
        Answer a = PlaybookScenarioTest.answer(stopped(), d, InvestigationOptions.DEFAULT);
        Finding f = a.report().likelyCause().orElseThrow(() -> new AssertionError(describe(a)));
        assertEquals(CheckId.CLUSTER_STATE, f.checkId(), describe(a));
        assertEquals("The cluster is stopped", f.title());
        assertEquals(List.of(NextAction.START_CLUSTER.id()), a.likelyCauseButtons());
    }

    @Test
    void noRouteToHost_stoppedCluster_likelyCauseIsTheStoppedCluster() {
        Answer a = PlaybookScenarioTest.answer(stopped(), paste(NO_ROUTE), InvestigationOptions.DEFAULT);
        Finding f = a.report().likelyCause().orElseThrow(() -> new AssertionError(describe(a)));
        assertEquals(CheckId.CLUSTER_STATE, f.checkId(), describe(a));
    }

    @Test
    void timedOut_runningCluster_stateNotAddedAndNothingBlamed() {
        Answer a = PlaybookScenarioTest.answer(new ArmWorld(), paste(TIMED_OUT), InvestigationOptions.DEFAULT);
        assertTrue(a.report().likelyCause().isEmpty(), describe(a));
        assertTrue(a.report().findings().stream().noneMatch(f -> f.checkId() == CheckId.CLUSTER_STATE), describe(a));
    }
}
