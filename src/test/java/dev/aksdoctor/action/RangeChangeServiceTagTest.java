package dev.aksdoctor.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RangeChangeServiceTagTest {

    private static final Map<String, List<String>> TAGS = Map.of("AzureCloud.westeurope", List.of("52.174.0.0/16"));

    @Test
    void of_rangeAServiceTagHolds_isRefusedNamingTheTag() {
        RangeChange change = RangeChange.of(List.of("203.0.113.0/24", "AzureCloud.westeurope"), "52.174.9.9/32", TAGS);
        assertEquals("`52.174.9.9/32` is already inside the authorized service tag `AzureCloud.westeurope` (its prefix "
                + "`52.174.0.0/16`). Nothing to change.", change.problem().orElseThrow());
    }

    @Test
    void of_rangeOutsideTheTags_isAdded() {
        RangeChange change = RangeChange.of(List.of("203.0.113.0/24", "AzureCloud.westeurope"), "198.51.100.7/32", TAGS);
        assertTrue(change.problem().isEmpty());
        assertEquals(List.of("203.0.113.0/24", "AzureCloud.westeurope", "198.51.100.7/32"), change.proposed());
    }
}
