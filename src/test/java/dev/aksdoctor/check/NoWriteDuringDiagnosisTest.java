package dev.aksdoctor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aksdoctor.azure.ArmWorld;
import dev.aksdoctor.azure.FakeArm;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 15 item 9: an investigation that meets MissingSubscriptionRegistration reports it and writes nothing. */
class NoWriteDuringDiagnosisTest {

    @Test
    void investigation_providerNotRegistered_noWriteAndEvidenceNamesTheProvider() {
        CheckHarness.ARM.reset();
        new ArmWorld().install(CheckHarness.ARM);
        CheckHarness.ARM.respond("GET", ArmWorld.CLUSTER_ID, 409, FakeArm.error("MissingSubscriptionRegistration",
                "The subscription is not registered to use namespace 'Microsoft.ContainerService'."), Map.of());

        InvestigationReport report = CheckHarness.investigator().investigate(Diagnoses.timedOut(), Optional.empty(),
                ProgressListener.NONE);

        assertEquals(List.of(), CheckHarness.ARM.armRequests().stream().filter(r -> !r.method().equals("GET"))
                .toList(), "a diagnosis must not write to ARM");
        assertTrue(report.findings().stream().flatMap(f -> f.evidence().stream())
                .anyMatch(e -> e.text().contains("not registered for Microsoft.ContainerService")),
                report.findings().toString());
    }
}
