package dev.aksdoctor.check;

import dev.aksdoctor.diagnosis.ClusterRef;
import dev.aksdoctor.diagnosis.Diagnosis;
import java.util.Objects;

/** What a check sees: the parsed paste, the located cluster and the investigation's memoised facts. */
public record CheckContext(Diagnosis diagnosis, ClusterRef cluster, InvestigationFacts facts,
        boolean nodeProbesRequested) {
    public CheckContext {
        Objects.requireNonNull(diagnosis, "diagnosis");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(facts, "facts");
    }
}
