package dev.aksdoctor.diagnosis;

import java.util.List;
import java.util.Map;

/** Writes the one-line summary of a diagnosis, and the help line for text that holds no known error. */
final class SummaryWriter {

    static final String NOTHING_RECOGNISED = "No known AKS error found. AKS Doctor recognises CSE exit codes "
            + "(e.g. VMExtensionError_K8SAPIServerConnFail, \"exit status=51\", WINDOWS_CSE_ERROR_* with "
            + "\"ExitCode: |5|\"), VMExtensionProvisioningTimeout, ARM errors such as QuotaExceeded, "
            + "RequestDisallowedByPolicy, AllocationFailed or SubnetIsFull, PDB drain failures, and kubectl "
            + "\"Unable to connect to the server\" errors. Paste the whole error as it appears (Activity Log JSON, "
            + "az CLI output or the vmssCSE message, including its Output), not a summary of it.";

    private static final Map<Subcategory, String> CAUSES = Map.of(
            Subcategory.CONNECTION_TIMED_OUT, "connection timed out: a firewall, NSG, UDR or authorized IP range is "
                    + "silently dropping packets to the API server on port 443",
            Subcategory.CONNECTION_REFUSED, "connection refused: the API server port is not accepting connections "
                    + "(usually transient while the cluster is created or started, or the cluster is stopped)",
            Subcategory.NO_ROUTE_TO_HOST, "no route to host: routing, peering or the private endpoint to the API "
                    + "server is broken",
            Subcategory.TLS_HANDSHAKE_FAILED, "TLS handshake failed: an HTTPS-inspecting proxy or firewall is "
                    + "intercepting the connection to the API server",
            Subcategory.CERTIFICATE_PROBLEM, "certificate problem: a proxy or TLS inspection device is rewriting "
                    + "the API server certificate, or the cluster certificates are stale",
            Subcategory.DNS_LOOKUP_FAILED, "DNS lookup failed: the API server name does not resolve",
            Subcategory.UNKNOWN, "no diagnostic details: running the baseline connectivity checks in order");

    String write(List<ErrorHit> findings, Subcategory primarySubcategory) {
        if (findings.isEmpty()) {
            return NOTHING_RECOGNISED;
        }
        ErrorHit primary = findings.get(0);
        KnownError e = primary.error();
        StringBuilder sb = new StringBuilder(e.code());
        if (e.isCseExitCode()) {
            sb.append(" (").append(primary.os() == OsType.WINDOWS ? "Windows" : "Linux")
                    .append(" CSE exit code ").append(e.exitCode()).append(')');
        }
        sb.append(": ").append(e.meaning());
        if (Playbook.usesSubcategory(e) && primarySubcategory != null) {
            sb.append(" — ").append(CAUSES.get(primarySubcategory));
        }
        sb.append('.');
        if (findings.size() > 1) {
            sb.append(" Also found: ");
            for (int i = 1; i < findings.size(); i++) {
                ErrorHit f = findings.get(i);
                sb.append(i > 1 ? ", " : "").append(f.error().code());
                if (f.error().isCseExitCode()) {
                    sb.append(" (").append(f.os().json()).append(' ').append(f.error().exitCode()).append(')');
                }
            }
            sb.append('.');
        }
        return sb.toString().replace('\n', ' ');
    }
}
