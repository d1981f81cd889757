package dev.aksdoctor.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aksdoctor.azure.ArmWorld;
import dev.aksdoctor.azure.ClusterFacts;
import dev.aksdoctor.diagnosis.ClusterRef;
import org.junit.jupiter.api.Test;

class ClusterAlertStateTest {

    private static ClusterFacts cluster(String provisioningState, String powerState) {
        return new ClusterFacts(ArmWorld.CLUSTER_ID, ClusterRef.findResourceId(ArmWorld.CLUSTER_ID).orElseThrow(),
                "westeurope", provisioningState, powerState, "1.31.2", null, null, false, null, null, null, null,
                null, null, null, null, null);
    }

    @Test
    void of_failedProvisioning_isFailedEvenWhenStopped() {
        assertEquals(ClusterAlertState.FAILED, ClusterAlertState.of(cluster("Failed", "Stopped")));
    }

    @Test
    void of_stoppedPower_isStopped() {
        assertEquals(ClusterAlertState.STOPPED, ClusterAlertState.of(cluster("Succeeded", "stopped")));
    }

    @Test
    void of_runningOrUpdatingOrUnknown_isOk() {
        assertEquals(ClusterAlertState.OK, ClusterAlertState.of(cluster("Succeeded", "Running")));
        assertEquals(ClusterAlertState.OK, ClusterAlertState.of(cluster("Updating", "Running")));
        assertEquals(ClusterAlertState.OK, ClusterAlertState.of(cluster(null, null)));
    }

    @Test
    void alerts_turningFailedOrStopped_alertsOnce() {
        assertTrue(ClusterAlertState.alerts("OK", "Failed"));
        assertTrue(ClusterAlertState.alerts("OK", "Stopped"));
        assertTrue(ClusterAlertState.alerts("Failed", "Stopped"));
        assertTrue(ClusterAlertState.alerts(null, "Failed"), "first look after opting in: already failed is news");
        assertFalse(ClusterAlertState.alerts("Failed", "Failed"));
        assertFalse(ClusterAlertState.alerts("Stopped", "Stopped"));
    }

    @Test
    void alerts_recoveringOrStayingOk_postsNothing() {
        assertFalse(ClusterAlertState.alerts("Failed", "OK"));
        assertFalse(ClusterAlertState.alerts("OK", "OK"));
        assertFalse(ClusterAlertState.alerts(null, "OK"));
    }
}
