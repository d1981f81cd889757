package dev.aksdoctor.reply;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * The AKS detectors part of a digest (channels that turned it on): per watched cluster, the detectors' critical
 * insights over the window, or why they could not be read.
 */
public record DigestDetectors(OffsetDateTime start, OffsetDateTime end, List<Cluster> clusters) {

    /** Why a cluster's detectors are missing from the digest. */
    public enum Unread {
        /** The identity lacks a permission ({@code detail}: the action). */
        FORBIDDEN,
        /** They did not answer within the digest's time box ({@code detail}: seconds). */
        TIMED_OUT,
        /** ARM refused for another reason ({@code detail}: its message). */
        FAILED
    }

    /** One critical insight: the detector's name, its message and, when it gives one, a detail. */
    public record Insight(String detector, String message, String detail) {
        public Insight {
            Objects.requireNonNull(detector, "detector");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * @param unread  null when the detectors were read
     * @param detail  what {@code unread} needs to be said (a permission, a number of seconds, a message)
     */
    public record Cluster(String clusterId, String displayName, List<Insight> critical, Unread unread, String detail) {
        public Cluster {
            Objects.requireNonNull(clusterId, "clusterId");
            Objects.requireNonNull(displayName, "displayName");
            critical = critical == null ? List.of() : List.copyOf(critical);
        }
    }

    public DigestDetectors {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        clusters = List.copyOf(clusters);
    }
}
