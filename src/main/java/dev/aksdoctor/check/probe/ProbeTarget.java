package dev.aksdoctor.check.probe;

import dev.aksdoctor.network.AddressRanges;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a node probe connects to. Validated strictly, because its values end up in a script run as root on a
 * node: the FQDN must be plain ASCII matching a DNS-name pattern (lower-cased first), the IP is parsed and
 * re-rendered canonically (the raw text is never kept), the port is 1 to 65535. At least one of {@code fqdn}
 * and {@code ip} is required; either may be null.
 *
 * <p>When both are given the probe goes to the FQDN, as the node's own components do; the IP is then what the
 * caller expects it to resolve to (compare with {@link ProbeResult#resolvedIps()}, e.g. a private endpoint's IP).
 */
public record ProbeTarget(String fqdn, String ip, int port) {

    private static final Pattern FQDN = Pattern.compile("^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");
    private static final Pattern ASCII_PRINTABLE = Pattern.compile("[\\x21-\\x7e]+");

    public ProbeTarget {
        if (fqdn == null && ip == null) {
            throw new IllegalArgumentException("a probe target needs an FQDN or an IP address");
        }
        if (fqdn != null) {
            // Checked before lower-casing: some non-ASCII letters (the Kelvin sign) lower-case to ASCII ones.
            if (!ASCII_PRINTABLE.matcher(fqdn).matches()) {
                throw new IllegalArgumentException("not a host name");
            }
            String lower = fqdn.toLowerCase(Locale.ROOT);
            if (!FQDN.matcher(lower).matches()) {
                throw new IllegalArgumentException("not a host name");
            }
            fqdn = lower;
        }
        if (ip != null) {
            if (!ASCII_PRINTABLE.matcher(ip).matches()) {
                throw new IllegalArgumentException("not an IP address");
            }
            ip = AddressRanges.canonicalIp(ip).orElseThrow(() -> new IllegalArgumentException("not an IP address"));
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** The API server on 443, by FQDN. */
    public static ProbeTarget apiServer(String fqdn) {
        return new ProbeTarget(fqdn, null, 443);
    }

    /** The name to connect to: the FQDN when known (so DNS and SNI are exercised), else the IP. */
    public String host() {
        return fqdn != null ? fqdn : ip;
    }

    boolean ipv6Only() {
        return fqdn == null && ip.contains(":");
    }
}
