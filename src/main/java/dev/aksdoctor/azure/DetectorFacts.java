package dev.aksdoctor.azure;

import java.util.List;
import java.util.Objects;

/**
 * One AKS detector ("Diagnose and solve problems"), as listed or as run. A category detector (e.g.
 * {@code aks-category-connectivity}) runs nothing itself: it names the detectors of its category in
 * {@code childDetectors}. A run detector reports its insights.
 *
 * @param name           the detector id, e.g. {@code aks-cluster-put-failures}
 * @param displayName    its metadata name, or the id when it has none
 * @param category       its metadata category, e.g. {@code Connectivity}; may be null
 * @param childDetectors for a category detector, the detectors it groups (empty otherwise or when not run)
 * @param insights       the insights of a run (empty for a listed detector)
 */
public record DetectorFacts(String name, String displayName, String category, List<String> childDetectors,
        List<DetectorInsight> insights) {

    public DetectorFacts {
        Objects.requireNonNull(name, "name");
        displayName = displayName == null || displayName.isBlank() ? name : displayName;
        childDetectors = childDetectors == null ? List.of() : List.copyOf(childDetectors);
        insights = insights == null ? List.of() : List.copyOf(insights);
    }
}
