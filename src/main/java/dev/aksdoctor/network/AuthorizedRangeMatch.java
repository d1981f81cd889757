package dev.aksdoctor.network;

import java.util.List;

/**
 * Whether an address is inside the API server's authorized ranges, and what holds it.
 *
 * @param entry      the authorized entry that holds it (a CIDR or a service tag); null when none does
 * @param viaPrefix  for a service tag, the tag's prefix that holds it
 * @param unresolvedTags tags in the ranges whose prefixes are not known: an address none of the CIDRs holds may
 *                   still be in one of them
 */
public record AuthorizedRangeMatch(String address, boolean covered, String entry, String viaPrefix,
        List<String> unresolvedTags, String explanation) {

    public AuthorizedRangeMatch {
        unresolvedTags = unresolvedTags == null ? List.of() : List.copyOf(unresolvedTags);
    }

    /** Not covered by a CIDR and not decidable: a tag's prefixes are missing. */
    public boolean undecided() {
        return !covered && !unresolvedTags.isEmpty();
    }
}
