package dev.aksdoctor.check.probe;

import java.util.List;
import java.util.Set;

/**
 * What a node probe found. {@code reported} holds the steps whose marker appeared: a step missing from it
 * did not run or its output was cut (run-command keeps only the tail of the output), so a false
 * {@code dnsOk} or {@code tcpOk} means "failed" only when the step was reported. {@code proxy} is the
 * node's proxy setting with any credentials removed, or null when none is set.
 */
public record ProbeResult(
        boolean dnsOk,
        List<String> resolvedIps,
        boolean tcpOk,
        String tlsIssuer,
        String tlsSubject,
        String proxy,
        String rawTail,
        Set<ProbeStep> reported) {

    public ProbeResult {
        resolvedIps = resolvedIps == null ? List.of() : List.copyOf(resolvedIps);
        reported = reported == null ? Set.of() : Set.copyOf(reported);
    }

    public boolean reported(ProbeStep step) {
        return reported.contains(step);
    }
}
