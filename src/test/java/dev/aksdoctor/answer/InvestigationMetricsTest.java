package dev.aksdoctor.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class InvestigationMetricsTest {

    /** A string literal in a statement of RunInvestigation that assigns an outcome or builds an answer. */
    private static final Pattern OUTCOME_LITERAL = Pattern.compile("\"([a-z]+(?:_[a-z]+)*)\"");

    @Test
    void outcomes_areEveryOutcomeRunInvestigationRecords() throws IOException {
        Set<String> recorded = new TreeSet<>();
        String source = Files.readString(Path.of("src/main/java/dev/aksdoctor/answer/RunInvestigation.java"));
        for (String statement : source.split(";")) {
            if (statement.contains("outcome =") || statement.contains("new Answer(")) {
                Matcher m = OUTCOME_LITERAL.matcher(statement);
                while (m.find()) {
                    recorded.add(m.group(1));
                }
            }
        }
        assertEquals(new TreeSet<>(InvestigationMetrics.OUTCOMES), recorded,
                "register every outcome RunInvestigation counts, so it reads 0 before it first happens");
    }

    @Test
    void constructor_registersEveryOutcomeAtZero() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new InvestigationMetrics(registry);
        for (String outcome : InvestigationMetrics.OUTCOMES) {
            assertEquals(0.0, registry.get(InvestigationMetrics.NAME).tag("outcome", outcome).counter().count(), outcome);
        }
    }
}
