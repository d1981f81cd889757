package dev.aksdoctor.check.probe;

import dev.aksdoctor.network.AksEndpoints;
import java.util.List;

/**
 * Whether the API server certificate a node sees is the cluster's own (issued by the cluster CA,
 * {@code CN=ca}) or one a TLS-inspecting proxy or firewall put in its place. Meant for probes of the API
 * server: any other endpoint's certificate is legitimately issued by someone else.
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
        List<String> patterns = AksEndpoints.tlsBypassPatterns(region);
        if (result == null || result.tlsIssuer() == null) {
            String why;
            if (result == null || !result.reported(ProbeStep.TLS)) {
                why = "The probe output has no TLS result (the step did not run or its output was cut).";
            } else if (result.tcpOk()) {
                why = "TCP to the API server works but no certificate came back: the TLS handshake was reset or "
                        + "timed out, which points to a proxy or firewall interfering with TLS.";
            } else {
                why = "No certificate was read because the node could not connect at all.";
            }
            return new TlsInspectionVerdict(Status.UNKNOWN, null, patterns, why);
        }
        String issuer = result.tlsIssuer();
        if (isClusterCa(issuer)) {
            return new TlsInspectionVerdict(Status.CLUSTER_CA, issuer, patterns,
                    "The node sees the API server certificate issued by the cluster CA (CN=ca): no TLS inspection.");
        }
        String proxy = result.proxy() == null ? "" : " The node's HTTPS proxy is " + result.proxy() + ".";
        return new TlsInspectionVerdict(Status.INSPECTED, issuer, patterns,
                "The node sees the API server certificate issued by '" + issuer + "', not by the cluster CA (CN=ca): "
                        + "a proxy or firewall is inspecting TLS." + proxy + " Add " + String.join(" and ", patterns)
                        + " to its TLS-inspection bypass list.");
    }

    private static boolean isClusterCa(String issuer) {
        String compact = issuer.replaceAll("\\s*([=,])\\s*", "$1").trim();
        return compact.equalsIgnoreCase("CN=ca");
    }
}
