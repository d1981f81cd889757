package dev.aksdoctor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aksdoctor.azure.AzureAccess;
import dev.aksdoctor.azure.ClusterLocation;
import dev.aksdoctor.diagnosis.CheckId;
import dev.aksdoctor.diagnosis.Diagnosis;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The offer follows the report's likely cause as it stands (the platform's verdict can change it). */
class DetectorOfferTest {

    static final Instant AT = Instant.parse("2026-03-02T07:12:09Z");
    static final Finding ROUTE = new Finding(CheckId.ROUTE_TABLE, Outcome.FAIL, "Route to a BGP-learned appliance",
            List.of(), "Fix the route", null, List.of());
    static final Finding TCP = new Finding(CheckId.NODE_TCP_PROBE, Outcome.FAIL, "TCP 443 to the API server timed out",
            List.of(), null, null, List.of());

    static InvestigationReport report(Optional<Finding> cause, Optional<Instant> at) {
        return new InvestigationReport(ClusterLocation.found(Diagnoses.CLUSTER, "resource ID in the paste"),
                List.of(ROUTE, TCP), cause, List.of(), AzureAccess.available("ok"), 3, Map.of(), Optional.empty(), at);
    }

    @Test
    void of_probeNothingExplains_connectivityAroundTheFailure() {
        Diagnosis d = Diagnoses.timedOut();
        assertEquals(Optional.of(SuggestedAction.runDetectors(DetectorCategory.CONNECTIVITY, AT)),
                DetectorOffer.of(d, report(Optional.of(TCP), Optional.of(AT))));
    }

    @Test
    void of_platformOverrulesWithARouteCause_noOffer() {
        assertTrue(DetectorOffer.of(Diagnoses.timedOut(), report(Optional.of(ROUTE), Optional.of(AT))).isEmpty());
    }

    @Test
    void of_notInvestigated_noOffer() {
        assertTrue(DetectorOffer.of(Diagnoses.timedOut(), report(Optional.empty(), Optional.empty())).isEmpty());
        InvestigationReport notFound = new InvestigationReport(ClusterLocation.notFound("no cluster matches"),
                List.of(), Optional.empty(), List.of(), AzureAccess.available("ok"), 0, Map.of(), Optional.empty(),
                Optional.of(AT));
        assertTrue(DetectorOffer.of(Diagnoses.timedOut(), notFound).isEmpty());
    }

    @Test
    void category_byThePastedErrorsPlaybook() {
        assertEquals(DetectorCategory.CONNECTIVITY, DetectorOffer.category(Diagnoses.dns(52), Optional.empty()));
        assertEquals(DetectorCategory.CRUD, DetectorOffer.category(Diagnoses.failedState("QuotaExceeded"),
                Optional.empty()));
    }
}
