package dev.aksdoctor.azure;

import java.util.List;

/** The cluster's {@code httpProxyConfig}; {@code trustedCaPresent} only, never the certificate itself. */
public record HttpProxyFacts(String httpProxy, String httpsProxy, List<String> noProxy, boolean trustedCaPresent) {
    public HttpProxyFacts {
        noProxy = noProxy == null ? List.of() : List.copyOf(noProxy);
    }

    public boolean configured() {
        return httpProxy != null || httpsProxy != null;
    }
}
