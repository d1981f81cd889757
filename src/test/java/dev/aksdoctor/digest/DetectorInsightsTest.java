package dev.aksdoctor.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.aksdoctor.azure.ArmException;
import dev.aksdoctor.azure.DetectorFacts;
import dev.aksdoctor.azure.DetectorInsight;
import dev.aksdoctor.check.DetectorCategory;
import dev.aksdoctor.check.DetectorReport;
import dev.aksdoctor.check.DetectorWindow;
import dev.aksdoctor.diagnosis.ClusterRef;
import dev.aksdoctor.reply.DigestDetectors;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectorInsightsTest {

    static final String SUB = "11111111-1111-1111-1111-111111111111";
    static final ClusterRef PROD = new ClusterRef(SUB, "rg-prod", "aks-prod");
    static final ClusterRef DEV = new ClusterRef(SUB, "rg-dev", "aks-dev");
    static final ClusterRef QA = new ClusterRef(SUB, "rg-qa", "aks-qa");
    static final DetectorWindow WINDOW = DetectorWindow.since(Instant.parse("2026-03-01T08:00:00Z"),
            Instant.parse("2026-03-02T08:00:00Z"));

    static final DetectorFacts PUT_FAILURES = new DetectorFacts("aks-cluster-put-failures",
            "Cluster Create/Upgrade Failures", "Create, Upgrade, Delete and Scale", List.of(), List.of(
                    new DetectorInsight("Critical", "Cluster PUT operation failed with QuotaExceeded", "Maximum allowed: 10"),
                    new DetectorInsight("Warning", "Cluster upgrade took longer than usual", null),
                    new DetectorInsight("Success", "No deprecated APIs", null)));

    static DetectorReport report(ClusterRef c, DetectorCategory category, DetectorFacts... ran) {
        return new DetectorReport(c, c.resourceId().orElseThrow(), category, WINDOW, List.of(ran), List.of());
    }

    @Test
    void of_criticalOnly_onceAcrossCategories_warningsAndSuccessLeftOut() {
        ClusterDetectors prod = ClusterDetectors.read(PROD, List.of(report(PROD, DetectorCategory.CRUD, PUT_FAILURES),
                report(PROD, DetectorCategory.NODE_HEALTH, PUT_FAILURES)));

        DigestDetectors d = DetectorInsights.of(List.of(prod), WINDOW, Duration.ofSeconds(60));

        assertEquals(List.of(new DigestDetectors.Insight("Cluster Create/Upgrade Failures",
                "Cluster PUT operation failed with QuotaExceeded", "Maximum allowed: 10")), d.clusters().get(0).critical());
        assertNull(d.clusters().get(0).unread());
        assertEquals(WINDOW.start(), d.start());
    }

    @Test
    void of_forbidden_namesThePermission_timedOutItsSeconds_criticalFirst() {
        ArmException forbidden = new ArmException(ArmException.Kind.FORBIDDEN, 403, "AuthorizationFailed", "denied",
                "Microsoft.ContainerService/managedClusters/detectors/read", DEV.resourceId().orElseThrow());
        DigestDetectors d = DetectorInsights.of(List.of(ClusterDetectors.failed(DEV, forbidden),
                ClusterDetectors.timedOut(QA), ClusterDetectors.read(PROD, List.of(report(PROD, DetectorCategory.CRUD,
                        PUT_FAILURES)))), WINDOW, Duration.ofSeconds(45));

        assertEquals(List.of("rg-prod/aks-prod", "rg-dev/aks-dev", "rg-qa/aks-qa"),
                d.clusters().stream().map(DigestDetectors.Cluster::displayName).toList());
        DigestDetectors.Cluster dev = d.clusters().get(1);
        assertEquals(DigestDetectors.Unread.FORBIDDEN, dev.unread());
        assertEquals("Microsoft.ContainerService/managedClusters/detectors/read", dev.detail());
        assertEquals(DigestDetectors.Unread.TIMED_OUT, d.clusters().get(2).unread());
        assertEquals("45", d.clusters().get(2).detail());
    }

    @Test
    void of_forbiddenWithoutTheActionInTheAnswer_namesTheDetectorsPermission() {
        ArmException forbidden = new ArmException(ArmException.Kind.FORBIDDEN, 403, "AuthorizationFailed", "denied",
                null, null);
        DigestDetectors d = DetectorInsights.of(List.of(ClusterDetectors.failed(DEV, forbidden)), WINDOW,
                Duration.ofSeconds(60));
        assertEquals(DetectorInsights.PERMISSION, d.clusters().get(0).detail());
    }
}
