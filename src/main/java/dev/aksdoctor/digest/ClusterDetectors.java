package dev.aksdoctor.digest;

import dev.aksdoctor.azure.ArmException;
import dev.aksdoctor.check.DetectorReport;
import dev.aksdoctor.diagnosis.ClusterRef;
import java.util.List;
import java.util.Objects;

/**
 * One watched cluster's AKS detectors for a digest: the reports of their categories, or why there are none.
 *
 * @param failure  what ARM answered instead (a missing permission, the cluster gone), else null
 * @param timedOut true when they had not answered within the digest's time box
 */
public record ClusterDetectors(ClusterRef cluster, List<DetectorReport> reports, ArmException failure,
        boolean timedOut) {

    public ClusterDetectors {
        Objects.requireNonNull(cluster, "cluster");
        reports = reports == null ? List.of() : List.copyOf(reports);
    }

    static ClusterDetectors read(ClusterRef cluster, List<DetectorReport> reports) {
        return new ClusterDetectors(cluster, reports, null, false);
    }

    static ClusterDetectors failed(ClusterRef cluster, ArmException failure) {
        return new ClusterDetectors(cluster, List.of(), Objects.requireNonNull(failure, "failure"), false);
    }

    static ClusterDetectors timedOut(ClusterRef cluster) {
        return new ClusterDetectors(cluster, List.of(), null, true);
    }
}
