package dev.aksdoctor.network;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a node sends a required endpoint's traffic when the cluster has an {@code httpProxyConfig}: HTTPS to
 * {@code httpsProxy}, HTTP to {@code httpProxy} (as Go's and curl's proxy variables do, without falling back from
 * one to the other), unless {@code noProxy} covers the host. Network-rule traffic (NTP, the tunnel's TCP ports)
 * never goes through an HTTP proxy.
 */
public final class ProxyRouting {

    private final String httpProxy;
    private final String httpsProxy;
    private final List<String> noProxy;

    public ProxyRouting(String httpProxy, String httpsProxy, List<String> noProxy) {
        this.httpProxy = blankToNull(httpProxy);
        this.httpsProxy = blankToNull(httpsProxy);
        this.noProxy = noProxy == null ? List.of() : List.copyOf(noProxy);
    }

    /** The proxy the endpoint's traffic goes to, or empty when it goes direct. */
    public Optional<ProxyTarget> destination(RequiredEndpoint endpoint) {
        if (!endpoint.applicationProtocol() || bypasses(endpoint.host())) {
            return Optional.empty();
        }
        String url = "HTTPS".equals(endpoint.protocol()) ? httpsProxy : httpProxy;
        return url == null ? Optional.empty() : Optional.of(parse(url));
    }

    /**
     * Whether {@code noProxy} covers {@code host}: {@code *}; an IP or a CIDR holding an address host; a name that
     * matches itself and its subdomains ({@code .name} and {@code *.name}: subdomains only). A wildcard endpoint
     * ({@code *.blob.core.windows.net}) is covered only when every name it stands for is.
     */
    public boolean bypasses(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        for (String entry : noProxy) {
            String e = stripPort(entry.trim().toLowerCase(Locale.ROOT));
            if (e.isEmpty()) {
                continue;
            }
            if ("*".equals(e)) {
                return true;
            }
            if (AddressRanges.isValidIp(e) || AddressRanges.isValidCidr(e)) {
                if (AddressRanges.isValidIp(h) && AddressRanges.contains(e, h)) {
                    return true;
                }
                continue;
            }
            if (coversName(e, h)) {
                return true;
            }
        }
        return false;
    }

    private static boolean coversName(String entry, String host) {
        boolean subdomainsOnly = entry.startsWith(".") || entry.startsWith("*.");
        String name = entry.startsWith("*.") ? entry.substring(2) : entry.startsWith(".") ? entry.substring(1) : entry;
        if (host.startsWith("*.")) {
            // Every name under *.x.y is covered when x.y itself lies at or under the entry's name.
            String suffix = host.substring(2);
            return suffix.equals(name) || suffix.endsWith("." + name);
        }
        return (!subdomainsOnly && host.equals(name)) || host.endsWith("." + name);
    }

    private static String stripPort(String entry) {
        int colon = entry.lastIndexOf(':');
        if (colon > 0 && entry.indexOf(':') == colon && entry.substring(colon + 1).chars().allMatch(Character::isDigit)
                && colon < entry.length() - 1) {
            return entry.substring(0, colon);
        }
        return entry;
    }

    /** {@code http://10.0.0.4:3128/} → host 10.0.0.4, port 3128; the scheme's port when none is given. */
    static ProxyTarget parse(String url) {
        String text = url.trim();
        if (!text.contains("://")) {
            text = "http://" + text;
        }
        try {
            URI uri = new URI(text);
            String host = uri.getHost();
            if (host == null || host.isEmpty()) {
                return ProxyTarget.unreadable(redact(url));
            }
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            int port = uri.getPort() > 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            String shown = uri.getScheme() + "://" + uri.getRawAuthority().replaceAll("^[^@]*@", "");
            return new ProxyTarget(shown, host.toLowerCase(Locale.ROOT), port);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return ProxyTarget.unreadable(redact(url));
        }
    }

    /** Proxy URLs may carry credentials; they never reach a reply. */
    private static String redact(String url) {
        return url.replaceAll("(?<=://)[^/@]*@", "***@");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
