package dev.aksdoctor.check;

import java.util.Objects;

/**
 * How one custom DNS server of a node VNet stands, as far as ARM shows it. {@code summary} names the server and
 * what holds its address; {@code remedy} is set when it is {@link Standing#BROKEN}.
 */
record DnsServerVerdict(String server, Standing standing, String summary, String resourceId, String remedy) {

    enum Standing {
        /** Azure DNS, a DNS Private Resolver inbound endpoint or an Azure Firewall with its DNS proxy on. */
        ANSWERS,
        /** Something that may answer, but whose configuration Azure does not show (a VM, on-premises, public). */
        UNVERIFIED,
        /** Nothing can answer there: nobody holds the address, its VM is stopped, the firewall's proxy is off… */
        BROKEN
    }

    DnsServerVerdict {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(standing, "standing");
        Objects.requireNonNull(summary, "summary");
    }

    static DnsServerVerdict answers(String server, String summary, String resourceId) {
        return new DnsServerVerdict(server, Standing.ANSWERS, summary, resourceId, null);
    }

    static DnsServerVerdict unverified(String server, String summary, String resourceId) {
        return new DnsServerVerdict(server, Standing.UNVERIFIED, summary, resourceId, null);
    }

    static DnsServerVerdict broken(String server, String summary, String resourceId, String remedy) {
        return new DnsServerVerdict(server, Standing.BROKEN, summary, resourceId, remedy);
    }
}
