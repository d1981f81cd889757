package dev.aksdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven corpus: each file under {@code pastes/} holds its expectations ({@code key: value} lines) above a
 * {@code ### paste} line and the paste below it, verbatim. Every field of the contract is asserted: a key that is
 * absent means the field must be null (or empty, for lists).
 */
class PasteCorpusTest {

    private static final String SEPARATOR = "### paste\n";
    private static final Set<String> KEYS = Set.of("errorCode", "exitCode", "os", "subcategory", "nodeIp",
            "apiServerIp", "apiServerFqdn", "region", "privateCluster", "cluster", "nodeName", "vmss", "instanceId",
            "correlationId", "errors", "plan", "docs", "summary", "about", "source");

    private final PasteParser parser = new PasteParser();

    record Case(String name, Map<String, String> expect, String paste) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> corpus() {
        return files().stream().map(PasteCorpusTest::read);
    }

    @Test
    void corpus_size_holdsAtLeastOneHundredFortyPastes() {
        assertTrue(files().size() >= 140, "corpus has " + files().size() + " pastes");
    }

    /** Real pastes from public issue trackers, unedited, each with the thread it was copied from. */
    @Test
    void corpus_realPastes_atLeastSixtyEachWithItsSourceUrl() {
        List<Case> real = corpus().filter(c -> c.expect().containsKey("source")).collect(Collectors.toList());
        assertTrue(real.size() >= 60, "real pastes: " + real.size());
        for (Case c : real) {
            assertTrue(c.expect().get("source").startsWith("https://"), c.name() + ": source is a URL");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void parse_corpusPaste_matchesEveryExpectedField(Case c) {
        Diagnosis d = parser.parse(c.paste());
        Map<String, String> e = c.expect();
        List<Executable> checks = new ArrayList<>();
        checks.add(() -> assertEquals(e.get("errorCode"), d.errorCode(), "errorCode"));
        checks.add(() -> assertEquals(e.get("exitCode"), str(d.exitCode()), "exitCode"));
        checks.add(() -> assertEquals(e.get("os"), d.os() == null ? null : d.os().json(), "os"));
        checks.add(() -> assertEquals(e.get("subcategory"), str(d.subcategory()), "subcategory"));
        checks.add(() -> assertEquals(e.get("nodeIp"), d.nodeIp(), "nodeIp"));
        checks.add(() -> assertEquals(e.get("apiServerIp"), d.apiServerIp(), "apiServerIp"));
        checks.add(() -> assertEquals(e.get("apiServerFqdn"), d.apiServerFqdn(), "apiServerFqdn"));
        checks.add(() -> assertEquals(e.get("region"), d.region(), "region"));
        checks.add(() -> assertEquals(e.get("privateCluster"), str(d.privateCluster()), "privateCluster"));
        checks.add(() -> assertEquals(e.get("cluster"), cluster(d.cluster()), "cluster"));
        checks.add(() -> assertEquals(e.get("nodeName"), d.nodeName(), "nodeName"));
        checks.add(() -> assertEquals(e.get("vmss"), d.vmss(), "vmss"));
        checks.add(() -> assertEquals(e.get("instanceId"), d.instanceId(), "instanceId"));
        checks.add(() -> assertEquals(e.get("correlationId"), d.correlationId(), "correlationId"));
        checks.add(() -> assertEquals(e.getOrDefault("errors", ""), errors(d), "errors"));
        checks.add(() -> assertEquals(e.getOrDefault("plan", ""),
                d.plan().stream().map(CheckId::id).collect(Collectors.joining(",")), "plan"));
        checks.add(() -> assertFalse(d.summary().isBlank() || d.summary().contains("\n"), "one-line summary"));
        if (e.containsKey("summary")) {
            checks.add(() -> assertTrue(d.summary().contains(e.get("summary")), "summary: " + d.summary()));
        }
        if (d.errorCode() == null) {
            checks.add(() -> assertTrue(d.docs().isEmpty() && d.plan().isEmpty(), "nothing to run"));
            checks.add(() -> assertTrue(d.summary().contains("Paste the whole error"), "help summary"));
        } else {
            checks.add(() -> assertFalse(d.docs().isEmpty(), "docs"));
        }
        if (e.containsKey("docs")) {
            for (String url : e.get("docs").split(",")) {
                checks.add(() -> assertTrue(d.docs().stream().anyMatch(doc -> doc.url().equals(url.trim())),
                        "docs contain " + url + ": " + d.docs()));
            }
        }
        assertAll(c.name(), checks);
    }

    private static String errors(Diagnosis d) {
        return d.errors().stream()
                .map(r -> r.exitCode() == null ? r.code() : r.code() + "@" + r.os().json() + ":" + r.exitCode())
                .collect(Collectors.joining(","));
    }

    private static String cluster(ClusterRef c) {
        if (c == null) {
            return null;
        }
        return (c.subscriptionId() == null ? "-" : c.subscriptionId()) + "/" + c.resourceGroup() + "/" + c.name();
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static List<Path> files() {
        try {
            Path dir = Path.of(PasteCorpusTest.class.getResource("/pastes").toURI());
            try (Stream<Path> s = Files.list(dir)) {
                return s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().collect(Collectors.toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Case read(Path file) {
        try {
            String all = Files.readString(file, StandardCharsets.UTF_8);
            int sep = all.indexOf(SEPARATOR);
            if (sep < 0) {
                throw new IllegalStateException(file + ": no '### paste' line");
            }
            Map<String, String> expect = new LinkedHashMap<>();
            for (String line : all.substring(0, sep).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                int colon = line.indexOf(':');
                String key = line.substring(0, colon).trim();
                if (!KEYS.contains(key)) {
                    throw new IllegalStateException(file + ": unknown key " + key);
                }
                expect.put(key, line.substring(colon + 1).trim());
            }
            String paste = all.substring(sep + SEPARATOR.length());
            if (paste.endsWith("\n")) {
                paste = paste.substring(0, paste.length() - 1);
            }
            return new Case(file.getFileName().toString(), expect, paste);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
