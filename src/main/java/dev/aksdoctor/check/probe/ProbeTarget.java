package dev.aksdoctor.check.probe;

/**
 * What a node probe connects to. Validated strictly, because its values end up in a script run as root on
 * a node: the FQDN against a plain DNS-name pattern, the IP parsed and re-rendered canonically. At least one
 * of {@code fqdn} and {@code ip} is required.
 */
public record ProbeTarget(String fqdn, String ip, int port) {
    public ProbeTarget {
        throw new UnsupportedOperationException("todo");
    }
}
