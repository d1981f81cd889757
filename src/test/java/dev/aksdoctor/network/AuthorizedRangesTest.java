package dev.aksdoctor.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuthorizedRangesTest {

    private static final Map<String, List<String>> TAGS = Map.of(
            "AzureCloud.uksouth", List.of("51.104.0.0/15", "20.90.0.0/16"),
            "AzureDevOps", List.of("20.37.158.0/23"));

    @ParameterizedTest(name = "{0} in {1}: {2} via {3}/{4}")
    @CsvSource(delimiter = '|', value = {
            "20.90.1.10     | 203.0.113.0/24;AzureCloud.uksouth | true  | AzureCloud.uksouth | 20.90.0.0/16",
            "203.0.113.7    | 203.0.113.0/24;AzureCloud.uksouth | true  | 203.0.113.0/24     | ",
            "198.51.100.9   | 203.0.113.0/24;AzureCloud.uksouth | false |                    | ",
            "10.224.0.0/16  | 10.0.0.0/8                        | true  | 10.0.0.0/8         | "
    })
    void covering_cidrsAndServiceTags_namesWhatHoldsTheAddress(String ip, String ranges, boolean covered,
            String entry, String prefix) {
        AuthorizedRangeMatch m = AuthorizedRanges.covering(List.of(ranges.split(";")), ip, TAGS);
        assertEquals(covered, m.covered(), m.explanation());
        assertEquals(entry, m.entry());
        assertEquals(prefix, m.viaPrefix());
        assertFalse(m.undecided());
    }

    @Test
    void covering_tagWithUnknownPrefixes_isUndecidedAndSaysWhich() {
        AuthorizedRangeMatch m = AuthorizedRanges.covering(List.of("203.0.113.0/24", "AzureCloud.westeurope"),
                "20.90.1.10", TAGS);
        assertTrue(m.undecided());
        assertEquals("20.90.1.10 is in no authorized CIDR; whether service tag AzureCloud.westeurope holds it is not "
                + "known (its prefixes were not read)", m.explanation());
    }

    @Test
    void covering_tagThatDoesNotHoldIt_saysSo() {
        AuthorizedRangeMatch m = AuthorizedRanges.covering(List.of("AzureDevOps"), "20.90.1.10", TAGS);
        assertFalse(m.covered());
        assertFalse(m.undecided());
        assertEquals("20.90.1.10 is not in any authorized range nor in the prefixes of its service tags", m.explanation());
    }

    @Test
    void expand_replacesKnownTagsKeepsUnknownOnes() {
        assertEquals(List.of("203.0.113.0/24", "51.104.0.0/15", "20.90.0.0/16", "AzureCloud.westeurope"),
                AuthorizedRanges.expand(List.of("203.0.113.0/24", "AzureCloud.uksouth", "AzureCloud.westeurope"), TAGS));
    }

    @Test
    void canAdd_atTheCap_refusesAndSaysWhy() {
        List<String> full = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            full.add("198.18." + i + ".0/24");
        }
        AuthorizedRanges.AddDecision d = AuthorizedRanges.canAdd(full, "203.0.113.7/32", TAGS);
        assertFalse(d.allowed());
        assertTrue(d.reason().contains("200"), d.reason());
        assertTrue(AuthorizedRanges.nearCap(full));
        assertEquals(0, AuthorizedRanges.remaining(full));
    }

    @ParameterizedTest(name = "add {1} to {0}: {2}")
    @CsvSource(delimiter = '|', value = {
            "AzureCloud.uksouth | 20.90.1.10/32      | false",
            "AzureCloud.uksouth | azurecloud.uksouth | false",
            "AzureCloud.uksouth | 203.0.113.7/32     | true",
            "10.0.0.0/8         | AzureDevOps        | true"
    })
    void canAdd_alreadyHeld_isNotAdded(String ranges, String candidate, boolean allowed) {
        assertEquals(allowed, AuthorizedRanges.canAdd(List.of(ranges.split(";")), candidate, TAGS).allowed());
    }
}
