package dev.aksdoctor.network;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One outbound destination AKS nodes must reach. {@code host} may be a wildcard pattern ({@code *.x.y}).
 *
 * @param protocol   {@code HTTPS}, {@code HTTP} (application rules) or {@code TCP}, {@code UDP} (network rules)
 * @param serviceTag the service tag whose prefixes hold the destination, when one does (an NSG or a firewall
 *                   network rule can allow it by tag); null when the destination has no tag (CDN, internet)
 * @param fqdnTags   the Azure Firewall FQDN tags that include it ({@code AzureKubernetesService})
 * @param docLink    the documentation table that lists it
 * @param privateLink reached inside the VNet through a private endpoint (a private cluster's API server), so
 *                   not through the egress path: firewalls and internet routes do not apply
 */
public record RequiredEndpoint(String host, int port, String protocol, String purpose, String serviceTag,
        List<String> fqdnTags, String docLink, boolean privateLink) {

    public static final String AKS_FQDN_TAG = "AzureKubernetesService";

    public RequiredEndpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(purpose, "purpose");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        host = host.trim().toLowerCase(Locale.ROOT);
        protocol = protocol.trim().toUpperCase(Locale.ROOT);
        fqdnTags = fqdnTags == null ? List.of() : List.copyOf(fqdnTags);
    }

    public RequiredEndpoint(String host, int port, String protocol, String purpose) {
        this(host, port, protocol, purpose, null, List.of(), null, false);
    }

    /** HTTP and HTTPS go through application rules (by name); TCP and UDP through network rules. */
    public boolean applicationProtocol() {
        return "HTTPS".equals(protocol) || "HTTP".equals(protocol);
    }

    /** The transport an NSG or a network rule sees: {@code TCP} for HTTP(S), else the protocol itself. */
    public String transport() {
        return applicationProtocol() ? "TCP" : protocol;
    }

    public boolean wildcard() {
        return host.startsWith("*");
    }

    /** {@code HTTPS mcr.microsoft.com:443}. */
    public String label() {
        return protocol + " " + host + ":" + port;
    }
}
