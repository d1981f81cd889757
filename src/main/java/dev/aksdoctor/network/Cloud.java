package dev.aksdoctor.network;

/**
 * The Azure cloud a cluster runs in; each has its own API server domain, ARM and Entra ID hosts and its own
 * required outbound list. (The ARM client's own cloud setting lives in azure/, one floor up.)
 */
public enum Cloud {
    PUBLIC("azmk8s.io", "https://learn.microsoft.com/azure/aks/outbound-rules-control-egress"),
    CHINA("cx.prod.service.azk8s.cn", "https://docs.azure.cn/en-us/aks/outbound-rules-control-egress"),
    US_GOVERNMENT("cx.aks.containerservice.azure.us",
            "https://learn.microsoft.com/azure/aks/outbound-rules-control-egress");

    private final String apiServerDomain;
    private final String outboundDoc;

    Cloud(String apiServerDomain, String outboundDoc) {
        this.apiServerDomain = apiServerDomain;
        this.outboundDoc = outboundDoc;
    }

    /** The suffix after {@code hcp.<region>.} / {@code privatelink.<region>.} in an API server FQDN. */
    public String apiServerDomain() {
        return apiServerDomain;
    }

    /** "Outbound network and FQDN rules for AKS clusters" in this cloud's documentation. */
    public String outboundDoc() {
        return outboundDoc;
    }
}
