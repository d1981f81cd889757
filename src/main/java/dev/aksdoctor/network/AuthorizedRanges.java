package dev.aksdoctor.network;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * API server authorized IP ranges, which may hold service tags (AKS preview
 * {@code EnableServiceTagAuthorizedIPPreview}) as well as CIDRs. AKS accepts at most 200 entries; each entry,
 * tag or CIDR, counts once.
 */
public final class AuthorizedRanges {

    public static final int MAX_ENTRIES = 200;
    /** From here on a reply warns that the list is close to the cap. */
    public static final int NEAR_CAP = 180;

    private AuthorizedRanges() {
    }

    /**
     * What holds {@code ipOrCidr}: the first CIDR entry that contains it, else the first service tag with a prefix
     * that does ({@code tagPrefixes}: tag name to prefixes, from the Service Tag Discovery API).
     */
    public static AuthorizedRangeMatch covering(List<String> authorized, String ipOrCidr,
            Map<String, List<String>> tagPrefixes) {
        List<String> entries = authorized == null ? List.of() : authorized;
        Optional<String> cidr = AddressRanges.firstContaining(
                entries.stream().filter(e -> !ServiceTags.looksLikeTag(e)).toList(), ipOrCidr);
        if (cidr.isPresent()) {
            return new AuthorizedRangeMatch(ipOrCidr, true, cidr.get(), null, List.of(),
                    ipOrCidr + " is inside authorized range " + cidr.get());
        }
        List<String> unresolved = new ArrayList<>();
        for (String entry : entries) {
            if (!ServiceTags.looksLikeTag(entry)) {
                continue;
            }
            Optional<List<String>> prefixes = ServiceTags.prefixesOf(tagPrefixes, entry);
            if (prefixes.isEmpty()) {
                unresolved.add(entry.trim());
                continue;
            }
            Optional<String> in = AddressRanges.firstContaining(prefixes.get(), ipOrCidr);
            if (in.isPresent()) {
                return new AuthorizedRangeMatch(ipOrCidr, true, entry.trim(), in.get(), List.of(),
                        ipOrCidr + " is inside service tag " + entry.trim() + " (its prefix " + in.get() + ")");
            }
        }
        if (!unresolved.isEmpty()) {
            return new AuthorizedRangeMatch(ipOrCidr, false, null, null, unresolved, ipOrCidr
                    + " is in no authorized CIDR; whether service tag " + String.join(", ", unresolved)
                    + " holds it is not known (its prefixes were not read)");
        }
        return new AuthorizedRangeMatch(ipOrCidr, false, null, null, List.of(),
                ipOrCidr + " is not in any authorized range" + (entries.stream().anyMatch(ServiceTags::looksLikeTag)
                        ? " nor in the prefixes of its service tags" : ""));
    }

    /** The entries with every known service tag replaced by its prefixes (unknown tags kept as they are). */
    public static List<String> expand(List<String> authorized, Map<String, List<String>> tagPrefixes) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String entry : authorized == null ? List.<String>of() : authorized) {
            Optional<List<String>> prefixes = ServiceTags.looksLikeTag(entry)
                    ? ServiceTags.prefixesOf(tagPrefixes, entry) : Optional.empty();
            if (prefixes.isPresent()) {
                out.addAll(prefixes.get());
            } else {
                out.add(entry.trim());
            }
        }
        return List.copyOf(out);
    }

    public static int remaining(List<String> authorized) {
        return Math.max(0, MAX_ENTRIES - (authorized == null ? 0 : authorized.size()));
    }

    public static boolean nearCap(List<String> authorized) {
        return authorized != null && authorized.size() >= NEAR_CAP;
    }

    /**
     * Whether adding {@code candidate} makes sense: not when an entry (or a tag's prefix) already holds it, nor
     * when the list is at the cap. {@code reason} says why not, or what the list will hold.
     */
    public static AddDecision canAdd(List<String> authorized, String candidate, Map<String, List<String>> tagPrefixes) {
        List<String> entries = authorized == null ? List.of() : authorized;
        if (!ServiceTags.looksLikeTag(candidate)) {
            AuthorizedRangeMatch m = covering(entries, candidate, tagPrefixes);
            if (m.covered()) {
                return new AddDecision(false, m.explanation() + ": nothing to add");
            }
        } else if (entries.stream().anyMatch(e -> e.trim().equalsIgnoreCase(candidate.trim()))) {
            return new AddDecision(false, "service tag " + candidate.trim() + " is already authorized");
        }
        if (entries.size() >= MAX_ENTRIES) {
            return new AddDecision(false, "the authorized ranges already hold " + entries.size() + " entries, the most "
                    + "AKS accepts (" + MAX_ENTRIES + "): merge ranges or use a service tag first");
        }
        return new AddDecision(true, "the authorized ranges will hold " + (entries.size() + 1) + " of "
                + MAX_ENTRIES + " entries");
    }

    public record AddDecision(boolean allowed, String reason) {
    }
}
