package dev.aksdoctor.check;

import dev.aksdoctor.azure.NetworkWatcherFacts;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What Network Watcher answered for a {@link PlatformPlan}: per destination its next hop and IP flow verdict, the
 * node NIC's effective routes and effective security rules, each a value, a failure or "did not answer in time". {@code watcherProblem} is the
 * sentence saying why nothing was asked (not enabled in the region, the watchers unreadable).
 */
public record PlatformAnswers(Optional<String> watcherProblem, List<DestinationAnswers> destinations,
        Answer<List<NetworkWatcherFacts.EffectiveRoute>> effectiveRoutes,
        Answer<List<NetworkWatcherFacts.EffectiveSecurityGroup>> effectiveSecurityRules) {

    /** One call's outcome; {@code asked} is false for a call the plan did not make. */
    public record Answer<T>(boolean asked, T value, RuntimeException error, boolean timedOut) {
        public static <T> Answer<T> notAsked() {
            return new Answer<>(false, null, null, false);
        }

        public static <T> Answer<T> of(T value) {
            return new Answer<>(true, Objects.requireNonNull(value, "value"), null, false);
        }

        public static <T> Answer<T> failed(RuntimeException error) {
            return new Answer<>(true, null, Objects.requireNonNull(error, "error"), false);
        }

        public static <T> Answer<T> late() {
            return new Answer<>(true, null, null, true);
        }

        public boolean answered() {
            return value != null;
        }
    }

    public record DestinationAnswers(PlatformPlan.Destination destination, Answer<NetworkWatcherFacts.NextHop> nextHop,
            Answer<NetworkWatcherFacts.IpFlow> ipFlow) {
        public DestinationAnswers {
            Objects.requireNonNull(destination, "destination");
            Objects.requireNonNull(nextHop, "nextHop");
            Objects.requireNonNull(ipFlow, "ipFlow");
        }
    }

    public PlatformAnswers {
        Objects.requireNonNull(watcherProblem, "watcherProblem");
        destinations = destinations == null ? List.of() : List.copyOf(destinations);
        Objects.requireNonNull(effectiveRoutes, "effectiveRoutes");
        Objects.requireNonNull(effectiveSecurityRules, "effectiveSecurityRules");
    }

    /** Nothing was asked, for the reason given. */
    public static PlatformAnswers unasked(String problem) {
        return new PlatformAnswers(Optional.of(problem), List.of(), Answer.notAsked(), Answer.notAsked());
    }
}
