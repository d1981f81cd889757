package dev.aksdoctor.azure;

import dev.aksdoctor.diagnosis.ClusterRef;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which cluster an investigation is about. {@code how} says how it was found, or why it was not
 * (what the reply shows before asking the user to pick one).
 */
public record ClusterLocation(Status status, ClusterRef cluster, List<ClusterRef> candidates, String how) {

    public enum Status {
        FOUND,
        AMBIGUOUS,
        NOT_FOUND
    }

    public ClusterLocation {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(how, "how");
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
        if (status == Status.FOUND) {
            Objects.requireNonNull(cluster, "cluster");
        }
    }

    public static ClusterLocation found(ClusterRef cluster, String how) {
        return new ClusterLocation(Status.FOUND, cluster, List.of(cluster), how);
    }

    public static ClusterLocation ambiguous(List<ClusterRef> candidates, String how) {
        return new ClusterLocation(Status.AMBIGUOUS, null, candidates, how);
    }

    public static ClusterLocation notFound(String why) {
        return new ClusterLocation(Status.NOT_FOUND, null, List.of(), why);
    }

    public Optional<ClusterRef> found() {
        return status == Status.FOUND ? Optional.of(cluster) : Optional.empty();
    }
}
