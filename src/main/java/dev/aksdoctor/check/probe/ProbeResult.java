package dev.aksdoctor.check.probe;

import java.util.List;
import java.util.Set;

/**
 * What a node probe found.
 *
 * @param dnsOk        the name resolved to at least one address
 * @param resolvedIps  the addresses it resolved to, canonical
 * @param tcpOk        a TCP connection to the port succeeded
 * @param tlsIssuer    issuer of the certificate the node was shown, or null when none was read
 * @param tlsSubject   subject of that certificate, or null
 * @param proxy        the node's HTTPS proxy with any credentials removed, or null when none is set
 * @param rawTail      the end of the output, credentials removed, for the evidence section
 * @param reported     the steps whose marker appeared: a step missing from it did not run or its output was
 *                     cut (run-command keeps only the tail), so a false {@code dnsOk} or {@code tcpOk} means
 *                     "failed" only when the step was reported
 * @param httpsStatus  HTTP status of {@code GET /healthz} over HTTPS (through the node's proxy), 0 when no
 *                     HTTP response came back
 * @param complete     the script ran to its end marker
 */
public record ProbeResult(
        boolean dnsOk,
        List<String> resolvedIps,
        boolean tcpOk,
        String tlsIssuer,
        String tlsSubject,
        String proxy,
        String rawTail,
        Set<ProbeStep> reported,
        int httpsStatus,
        boolean complete) {

    public ProbeResult {
        resolvedIps = resolvedIps == null ? List.of() : List.copyOf(resolvedIps);
        reported = reported == null ? Set.of() : Set.copyOf(reported);
        rawTail = rawTail == null ? "" : rawTail;
    }

    public boolean reported(ProbeStep step) {
        return reported.contains(step);
    }
}
