package dev.aksdoctor.network;

import java.util.Objects;

/**
 * The proxy a required endpoint's traffic is sent to: the URL as configured (credentials removed), its host (a
 * name or an IP literal) and the TCP port nodes open to it. Host null and port 0 when the URL cannot be read: the
 * traffic still goes to a proxy, but where cannot be told.
 */
public record ProxyTarget(String url, String host, int port) {
    public ProxyTarget {
        Objects.requireNonNull(url, "url");
        if (host == null ? port != 0 : port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    static ProxyTarget unreadable(String url) {
        return new ProxyTarget(url, null, 0);
    }

    public boolean readable() {
        return host != null;
    }

    /** The host is an address already: no DNS lookup is needed to judge the path to it. */
    public boolean ipLiteral() {
        return host != null && AddressRanges.isValidIp(host);
    }
}
