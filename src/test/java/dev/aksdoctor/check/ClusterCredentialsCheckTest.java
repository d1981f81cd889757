package dev.aksdoctor.check;

import static dev.aksdoctor.check.CheckHarness.run;
import static dev.aksdoctor.check.CheckHarness.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aksdoctor.azure.ArmWorld;
import dev.aksdoctor.diagnosis.Diagnosis;
import dev.aksdoctor.diagnosis.PasteParser;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** Planted on the fake ARM in the real managedClusters and Activity Log shapes, read by the production gateway. */
class ClusterCredentialsCheckTest {

    private static final Diagnosis UNAUTHORIZED = new PasteParser()
            .parse("error: You must be logged in to the server (Unauthorized)");

    @Test
    void rotation_inWindow_failsWithItsTime() {
        OffsetDateTime at = OffsetDateTime.now().minusHours(3);
        Finding f = run(new ClusterCredentialsCheck(), rotated(new ArmWorld(), at, "Succeeded"), UNAUTHORIZED);
        assertEquals(Outcome.FAIL, f.outcome(), text(f));
        assertTrue(f.title().startsWith("The cluster's certificates were rotated at "), f.title());
        String when = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                .format(at.atZoneSameInstant(java.time.ZoneOffset.UTC));
        assertTrue(f.title().contains(when), "names when: " + f.title());
        assertTrue(f.remedy().contains("az aks get-credentials -g " + ArmWorld.RG + " -n " + ArmWorld.NAME), f.remedy());
        assertEquals("https://learn.microsoft.com/azure/aks/certificate-rotation", f.docLink().url());
    }

    @Test
    void rotation_thatFailed_isNotBlamed() {
        Finding f = run(new ClusterCredentialsCheck(),
                rotated(new ArmWorld(), OffsetDateTime.now().minusHours(3), "Failed"), UNAUTHORIZED);
        assertEquals(Outcome.PASS, f.outcome(), text(f));
    }

    @Test
    void localAccountsDisabled_failsWithEntraCredentials() {
        ArmWorld w = new ArmWorld();
        properties(w).put("disableLocalAccounts", true);
        Finding f = run(new ClusterCredentialsCheck(), w, UNAUTHORIZED);
        assertEquals(Outcome.FAIL, f.outcome(), text(f));
        assertTrue(f.title().contains("Local accounts are disabled on " + ArmWorld.NAME), f.title());
        assertTrue(f.remedy().contains("without `--admin`") && f.remedy().contains("kubelogin convert-kubeconfig -l azurecli"),
                f.remedy());
        assertEquals("https://learn.microsoft.com/azure/aks/manage-local-accounts-managed-azure-ad", f.docLink().url());
    }

    @Test
    void entraIdWithAzureRbac_namesKubeloginAndTheRoles() {
        ArmWorld w = new ArmWorld();
        properties(w).putObject("aadProfile").put("managed", true).put("enableAzureRBAC", true)
                .putArray("adminGroupObjectIDs").add("00000000-0000-0000-0000-0000000000aa");
        Finding f = run(new ClusterCredentialsCheck(), w, UNAUTHORIZED);
        assertEquals(Outcome.FAIL, f.outcome(), text(f));
        assertTrue(f.title().contains("uses Microsoft Entra ID"), f.title());
        assertTrue(f.remedy().contains("kubelogin convert-kubeconfig -l azurecli"), f.remedy());
        assertTrue(f.remedy().contains("Azure Kubernetes Service RBAC Reader"), f.remedy());
        assertTrue(text(f).contains("00000000-0000-0000-0000-0000000000aa"), "the admin group is evidence: " + text(f));
    }

    @Test
    void entraIdWithoutAzureRbac_pointsAtKubernetesRbac() {
        ArmWorld w = new ArmWorld();
        properties(w).putObject("aadProfile").put("managed", true).put("enableAzureRBAC", false);
        Finding f = run(new ClusterCredentialsCheck(), w, UNAUTHORIZED);
        assertEquals(Outcome.FAIL, f.outcome(), text(f));
        assertTrue(f.remedy().contains("Kubernetes RBAC"), f.remedy());
        assertFalse(f.remedy().contains("RBAC Reader"), f.remedy());
    }

    @Test
    void rotation_explainsBeforeLocalAccounts() {
        ArmWorld w = rotated(new ArmWorld(), OffsetDateTime.now().minusHours(1), "Succeeded");
        properties(w).put("disableLocalAccounts", true);
        Finding f = run(new ClusterCredentialsCheck(), w, UNAUTHORIZED);
        assertTrue(f.title().startsWith("The cluster's certificates were rotated"), f.title());
        assertTrue(text(f).contains("disableLocalAccounts: true"), text(f));
    }

    @Test
    void healthy_passesAndBlamesNothing() {
        Finding f = run(new ClusterCredentialsCheck(), new ArmWorld(), UNAUTHORIZED);
        assertEquals(Outcome.PASS, f.outcome(), text(f));
        assertEquals(null, f.remedy());
    }

    private static ObjectNode properties(ArmWorld w) {
        return (ObjectNode) w.cluster.get("properties");
    }

    /** A rotateClusterCertificates event on the cluster, in the Activity Log event shape the fake ARM serves. */
    private static ArmWorld rotated(ArmWorld w, OffsetDateTime at, String status) {
        w.failedOperation(ClusterCredentialsCheck.ROTATE, "unused", "unused");
        ObjectNode e = (ObjectNode) w.activity.get(w.activity.size() - 1);
        e.put("eventTimestamp", at.toString());
        e.putObject("status").put("value", status).put("localizedValue", status);
        ((ObjectNode) e.get("properties")).remove("statusMessage");
        return w;
    }
}
