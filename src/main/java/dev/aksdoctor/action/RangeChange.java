package dev.aksdoctor.action;

import dev.aksdoctor.network.AddressRanges;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Adding one range to a cluster's authorized IP ranges, decided before anyone confirms: the exact new list,
 * or why it must not be applied.
 */
public record RangeChange(List<String> current, String added, List<String> proposed, Optional<String> problem) {

    /** ARM accepts at most this many authorized ranges. */
    static final int MAX_RANGES = 200;

    public RangeChange {
        current = List.copyOf(current);
        proposed = List.copyOf(proposed);
    }

    public static RangeChange of(List<String> current, String cidr) {
        return of(current, cidr, java.util.Map.of());
    }

    /**
     * With service tags among the ranges ({@code tagPrefixes}: their prefixes from the Service Tag Discovery API),
     * a range a tag already holds is not added either.
     */
    public static RangeChange of(List<String> current, String cidr, java.util.Map<String, List<String>> tagPrefixes) {
        if (!AddressRanges.isValidCidr(cidr)) {
            return refused(current, cidr, "`" + cidr + "` is not a CIDR range.");
        }
        if (current.isEmpty()) {
            // An empty list means "open to all"; a single entry would lock everyone else out.
            return refused(current, cidr, "Authorized IP ranges are not enabled on this cluster (the API server "
                    + "accepts every address), so adding one range would lock out everyone else. Nothing to change.");
        }
        Optional<String> covering = AddressRanges.firstContaining(current, cidr);
        if (covering.isPresent()) {
            return refused(current, cidr, "`" + cidr + "` is already inside the authorized range `" + covering.get()
                    + "`. Nothing to change.");
        }
        dev.aksdoctor.network.AuthorizedRangeMatch byTag = dev.aksdoctor.network.AuthorizedRanges.covering(current, cidr,
                tagPrefixes);
        if (byTag.covered() && byTag.viaPrefix() != null) {
            return refused(current, cidr, "`" + cidr + "` is already inside the authorized service tag `"
                    + byTag.entry() + "` (its prefix `" + byTag.viaPrefix() + "`). Nothing to change.");
        }
        if (current.size() >= MAX_RANGES) {
            return refused(current, cidr, "The cluster already has " + current.size() + " authorized ranges, ARM's "
                    + "limit. Merge some ranges first.");
        }
        List<String> proposed = new ArrayList<>(current);
        proposed.add(cidr);
        return new RangeChange(current, cidr, proposed, Optional.empty());
    }

    private static RangeChange refused(List<String> current, String cidr, String why) {
        return new RangeChange(current, cidr, current, Optional.of(why));
    }

    /** A digest of a range list, to notice that it changed between the dialog and the confirmation. */
    public static String digest(List<String> ranges) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", ranges).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
