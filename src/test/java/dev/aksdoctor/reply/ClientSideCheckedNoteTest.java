package dev.aksdoctor.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aksdoctor.azure.AzureAccess;
import dev.aksdoctor.azure.ClusterLocation;
import dev.aksdoctor.check.Finding;
import dev.aksdoctor.check.InvestigationReport;
import dev.aksdoctor.check.Outcome;
import dev.aksdoctor.diagnosis.CheckId;
import dev.aksdoctor.diagnosis.ClusterRef;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the general credentials answer says was read in Azure: never "nothing found" for what was not read. */
class ClientSideCheckedNoteTest {

    private static final ClusterRef CLUSTER = new ClusterRef("sub", "rg1", "aks1");

    @Test
    void checked_noAzureAccess_saysNotChecked() {
        InvestigationReport r = new InvestigationReport(ClusterLocation.notFound("no access"), List.of(),
                Optional.empty(), AzureAccess.unavailable("no credential"), 0);
        assertEquals("Azure access is not configured, so the cluster's credential settings were not checked.",
                ClientSideAnswerRenderer.checked(r));
    }

    @Test
    void checked_clusterNotFound_saysNotChecked() {
        InvestigationReport r = new InvestigationReport(ClusterLocation.notFound("no such cluster"), List.of(),
                Optional.empty(), AzureAccess.available("ok"), 1);
        assertEquals("The cluster was not found in Azure, so its credential settings were not checked.",
                ClientSideAnswerRenderer.checked(r));
    }

    @Test
    void checked_passAndSkipped_sayWhichIsWhich() {
        Finding pass = new Finding(CheckId.CLUSTER_CREDENTIALS, Outcome.PASS, "Local accounts enabled", List.of(), null,
                null, List.of());
        InvestigationReport passed = new InvestigationReport(ClusterLocation.found(CLUSTER, "named"), List.of(pass),
                Optional.empty(), AzureAccess.available("ok"), 2);
        assertEquals("Checked aks1 in Azure: Local accounts enabled.", ClientSideAnswerRenderer.checked(passed));
        Finding skipped = new Finding(CheckId.CLUSTER_CREDENTIALS, Outcome.SKIPPED, "Rotations could not be read",
                List.of(), "missing Microsoft.Insights/eventtypes/values/read", null, List.of());
        InvestigationReport notRead = new InvestigationReport(ClusterLocation.found(CLUSTER, "named"),
                List.of(skipped), Optional.empty(), AzureAccess.available("ok"), 2);
        assertEquals("Not fully checked in Azure (aks1): Rotations could not be read — missing "
                + "Microsoft.Insights/eventtypes/values/read", ClientSideAnswerRenderer.checked(notRead));
    }
}
