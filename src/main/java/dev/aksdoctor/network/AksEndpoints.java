package dev.aksdoctor.network;

import dev.aksdoctor.diagnosis.DocLink;
import java.util.List;

/** Hosts AKS nodes must reach, and the patterns a TLS-inspecting proxy or firewall must not inspect. */
public final class AksEndpoints {

    public static final DocLink OUTBOUND_RULES_DOC = new DocLink("Outbound network and FQDN rules for AKS clusters",
            "https://learn.microsoft.com/azure/aks/outbound-rules-control-egress");

    private AksEndpoints() {
    }

    /** {@code *.hcp.<region>.azmk8s.io} and {@code *.privatelink.<region>.azmk8s.io}. */
    public static List<String> tlsBypassPatterns(String region) {
        throw new UnsupportedOperationException("todo");
    }

    /** The required outbound endpoints for a cluster; {@code apiServerFqdn} may be null when unknown. */
    public static List<RequiredEndpoint> requiredOutbound(String apiServerFqdn) {
        throw new UnsupportedOperationException("todo");
    }
}
