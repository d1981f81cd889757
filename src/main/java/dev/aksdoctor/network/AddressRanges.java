package dev.aksdoctor.network;

import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressSeqRange;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** IPv4 and IPv6 address and CIDR arithmetic. Never throws on bad input. */
public final class AddressRanges {

    /*
     * The library's defaults accept inet_aton forms ("10.1", "0x0a000001"), wildcards, ranges, masks and
     * zones. Azure and the pastes we read use plain dotted decimal and RFC 4291 text, and anything looser
     * would let odd text pass as an address (and reach a script), so parsing is strict.
     */
    private static final IPAddressStringParameters STRICT = strictParameters();

    /*
     * The library's switch against leading zeros in a prefix length also rejects "/0", so "/024" is refused
     * here instead.
     */
    private static final Pattern PREFIX_LENGTH = Pattern.compile("[^/]*(/(0|[1-9][0-9]{0,2}))?");

    private static final List<IPAddress> PRIVATE_BLOCKS = List.of(
            block("10.0.0.0/8"),
            block("172.16.0.0/12"),
            block("192.168.0.0/16"),
            block("100.64.0.0/10"),
            block("fc00::/7"));

    /** Blocks no client reaches an API server from over the internet, with the word for each. */
    private record Block(IPAddress block, String kind) {
    }

    private static final List<Block> NOT_PUBLIC = List.of(
            new Block(block("0.0.0.0/8"), "unspecified"),
            new Block(block("10.0.0.0/8"), "private"),
            new Block(block("100.64.0.0/10"), "shared (carrier-grade NAT)"),
            new Block(block("127.0.0.0/8"), "loopback"),
            new Block(block("169.254.0.0/16"), "link-local"),
            new Block(block("172.16.0.0/12"), "private"),
            new Block(block("192.168.0.0/16"), "private"),
            new Block(block("224.0.0.0/4"), "multicast"),
            new Block(block("240.0.0.0/4"), "reserved"),
            new Block(block("::/128"), "unspecified"),
            new Block(block("::1/128"), "loopback"),
            new Block(block("::ffff:0:0/96"), "IPv4-mapped"),
            new Block(block("fc00::/7"), "unique local (private)"),
            new Block(block("fe80::/10"), "link-local"),
            new Block(block("ff00::/8"), "multicast"));

    private AddressRanges() {
    }

    /**
     * What kind of non-public address an address or range is, or touches (loopback, link-local, private,
     * unique local, unspecified, multicast…); empty for a public one. Empty too for text that is not an
     * address: validate it first.
     */
    public static Optional<String> nonPublicKind(String ipOrCidr) {
        Optional<IPAddress> range = parseRange(ipOrCidr);
        if (range.isEmpty()) {
            return Optional.empty();
        }
        for (Block b : NOT_PUBLIC) {
            if (contains(b.block(), range.get()) || contains(range.get(), b.block())) {
                return Optional.of(b.kind());
            }
        }
        return Optional.empty();
    }

    /** True when {@code ipOrCidr} lies wholly inside {@code range}; a bare IP is a /32 or /128. */
    public static boolean contains(String range, String ipOrCidr) {
        Optional<IPAddress> outer = parseRange(range);
        Optional<IPAddress> inner = parseRange(ipOrCidr);
        if (outer.isEmpty() || inner.isEmpty()) {
            return false;
        }
        return contains(outer.get(), inner.get());
    }

    static boolean contains(IPAddress outer, IPAddress inner) {
        if (outer.isIPv4() != inner.isIPv4()) {
            return false;
        }
        return outer.contains(inner);
    }

    public static Optional<String> firstContaining(List<String> ranges, String ipOrCidr) {
        if (ranges == null) {
            return Optional.empty();
        }
        Optional<IPAddress> inner = parseRange(ipOrCidr);
        if (inner.isEmpty()) {
            return Optional.empty();
        }
        for (String range : ranges) {
            Optional<IPAddress> outer = parseRange(range);
            if (outer.isPresent() && contains(outer.get(), inner.get())) {
                return Optional.of(range);
            }
        }
        return Optional.empty();
    }

    /** RFC 1918, shared address space 100.64.0.0/10 (CGNAT) and IPv6 unique local fc00::/7. */
    public static boolean isPrivate(String ip) {
        return parseIp(ip).map(AddressRanges::isPrivate).orElse(false);
    }

    static boolean isPrivate(IPAddress address) {
        for (IPAddress block : PRIVATE_BLOCKS) {
            if (contains(block, address)) {
                return true;
            }
        }
        return false;
    }

    /** A single IPv4 or IPv6 address without a prefix length. */
    public static boolean isValidIp(String value) {
        return parseIp(value).isPresent();
    }

    /** An address with a prefix length; host bits may be set (the prefix block is what counts). */
    public static boolean isValidCidr(String value) {
        Optional<IPAddressString> parsed = parse(value);
        return parsed.isPresent() && parsed.get().isPrefixed();
    }

    /** The canonical text of a single address (RFC 5952 for IPv6), or empty when it is not one. */
    public static Optional<String> canonicalIp(String value) {
        return parseIp(value).map(IPAddress::toCanonicalString);
    }

    /**
     * Addresses a VM can get in a subnet: Azure reserves five in every subnet (network, gateway, two for
     * Azure DNS, broadcast). 0 when the CIDR is not valid; IPv6 counts saturate at {@link Long#MAX_VALUE}.
     */
    public static long azureUsableAddresses(String subnetCidr) {
        Optional<IPAddressString> parsed = parse(subnetCidr);
        if (parsed.isEmpty() || !parsed.get().isPrefixed()) {
            return 0;
        }
        IPAddress address = parsed.get().getAddress();
        int hostBits = address.getBitCount() - address.getNetworkPrefixLength();
        BigInteger usable = BigInteger.ONE.shiftLeft(hostBits).subtract(BigInteger.valueOf(5));
        if (usable.signum() <= 0) {
            return 0;
        }
        return usable.bitLength() >= Long.SIZE ? Long.MAX_VALUE : usable.longValue();
    }

    /**
     * The CIDR block an address or range covers, canonical: {@code 203.0.113.7} → {@code 203.0.113.7/32},
     * {@code 203.0.113.7/24} → {@code 203.0.113.0/24}. Empty when it is neither.
     */
    public static Optional<String> asCidr(String ipOrCidr) {
        return parseRange(ipOrCidr).map(a -> a.isPrefixed() ? a : a.setPrefixLength(a.getBitCount(), false))
                .map(IPAddress::toCanonicalString);
    }

    /** A single address, no prefix length. */
    static Optional<IPAddress> parseIp(String value) {
        return parse(value).filter(s -> !s.isPrefixed()).map(IPAddressString::getAddress);
    }

    /** An address or a CIDR, as the block it covers. */
    static Optional<IPAddress> parseRange(String value) {
        return parse(value).map(s -> s.isPrefixed() ? s.getAddress().toPrefixBlock() : s.getAddress());
    }

    /**
     * An address, a CIDR or an Azure Firewall range ({@code 10.1.4.12-10.1.4.255}) as the span of addresses it
     * covers.
     */
    static Optional<IPAddressSeqRange> parseSpan(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim();
        int dash = v.indexOf('-');
        if (dash > 0 && v.indexOf('/') < 0) {
            Optional<IPAddress> low = parseIp(v.substring(0, dash));
            Optional<IPAddress> high = parseIp(v.substring(dash + 1));
            if (low.isEmpty() || high.isEmpty() || low.get().isIPv4() != high.get().isIPv4()) {
                return Optional.empty();
            }
            return Optional.of(low.get().spanWithRange(high.get()));
        }
        return parseRange(v).map(IPAddress::toSequentialRange);
    }

    /** True when the text is an address, a CIDR or an address range. */
    public static boolean isAddressSpan(String value) {
        return parseSpan(value).isPresent();
    }

    private static Optional<IPAddressString> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        if (trimmed.isEmpty() || trimmed.length() > 64 || !PREFIX_LENGTH.matcher(trimmed).matches()) {
            return Optional.empty();
        }
        IPAddressString s = new IPAddressString(trimmed, STRICT);
        if (!s.isValid() || s.getAddress() == null) {
            return Optional.empty();
        }
        return Optional.of(s);
    }

    private static IPAddress block(String cidr) {
        return new IPAddressString(cidr).getAddress().toPrefixBlock();
    }

    private static IPAddressStringParameters strictParameters() {
        IPAddressStringParameters.Builder b = new IPAddressStringParameters.Builder()
                .allowEmpty(false)
                .allowAll(false)
                .allowSingleSegment(false)
                .allowMask(false)
                .allowPrefixOnly(false)
                .allowWildcardedSeparator(false)
                .setRangeOptions(RangeParameters.NO_RANGE)
                .allow_inet_aton(false);
        b.getIPv4AddressParametersBuilder()
                .allowLeadingZeros(false)
                .allowPrefixesBeyondAddressSize(false)
                .allowBinary(false);
        b.getIPv6AddressParametersBuilder()
                .allowZone(false)
                .allowEmptyZone(false)
                .allowBase85(false)
                .allowBinary(false)
                .allow_mixed_inet_aton(false)
                .allowPrefixesBeyondAddressSize(false)
                .allowUnlimitedLeadingZeros(false)
                .getEmbeddedIPv4AddressParametersBuilder()
                .allowLeadingZeros(false)
                .allow_inet_aton(false);
        return b.toParams();
    }
}
