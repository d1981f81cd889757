package dev.aksdoctor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aksdoctor.diagnosis.CheckId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AllChecksTest {

    @Test
    void everyCheckId_hasExactlyOneCheck() {
        Map<CheckId, List<String>> byId = AllChecks.all().stream().collect(Collectors.groupingBy(Check::id,
                TreeMap::new, Collectors.mapping(c -> c.getClass().getSimpleName(), Collectors.toList())));
        Map<CheckId, List<String>> expected = new TreeMap<>();
        Arrays.stream(CheckId.values()).forEach(id -> expected.put(id, byId.getOrDefault(id, List.of())));
        expected.replaceAll((id, checks) -> checks.size() == 1 ? List.of("one") : checks);
        Map<CheckId, List<String>> oneEach = new TreeMap<>();
        Arrays.stream(CheckId.values()).forEach(id -> oneEach.put(id, List.of("one")));
        assertEquals(oneEach, expected, "each CheckId needs exactly one Check class (listed where it has none or several)");
    }
}
