package dev.aksdoctor.check.probe;

import java.util.List;

/**
 * Whether the API server certificate a node sees is the cluster's own (issued by the cluster CA, {@code CN=ca})
 * or a TLS-inspecting proxy's or firewall's.
 */
public record TlsInspectionVerdict(Status status, String issuer, List<String> bypassPatterns, String explanation) {

    public enum Status {
        /** Issued by the cluster CA: no inspection. */
        CLUSTER_CA,
        /** Issued by someone else: a proxy or firewall is inspecting TLS. */
        INSPECTED,
        /** The probe did not read a certificate. */
        UNKNOWN
    }

    public TlsInspectionVerdict {
        bypassPatterns = bypassPatterns == null ? List.of() : List.copyOf(bypassPatterns);
    }

    public static TlsInspectionVerdict from(ProbeResult result, String region) {
        throw new UnsupportedOperationException("todo");
    }
}
