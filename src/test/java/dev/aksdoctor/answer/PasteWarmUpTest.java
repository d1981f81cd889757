package dev.aksdoctor.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aksdoctor.diagnosis.Diagnosis;
import dev.aksdoctor.diagnosis.PasteParser;
import dev.aksdoctor.investigation.Investigation;
import dev.aksdoctor.investigation.InvestigationSource;
import dev.aksdoctor.investigation.InvestigationStatus;
import dev.aksdoctor.investigation.InvestigationStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PasteWarmUpTest {

    @Inject
    PasteWarmUp warmUp;

    @Inject
    PasteParser parser;

    @Inject
    InvestigationStore store;

    @AfterEach
    void removeRows() {
        // The in-memory H2 database outlives one Quarkus boot; other test classes count these rows.
        QuarkusTransaction.requiringNew().run(() -> Investigation.deleteAll());
    }

    @Test
    void sample_takesTheWholePastePath_aRecognisedErrorWithItsCluster() {
        Diagnosis sample = parser.parse(PasteWarmUp.SAMPLE);
        assertTrue(sample.recognized(), "an unrecognised sample would skip the checks' plan and the running message");
        assertNotNull(sample.cluster(), "the sample names its cluster, as a typical paste does");
    }

    @Test
    void run_getsThrough_storingNothingAndChangingNoInvestigation() {
        long queued = store.open("U1", "C1", null, InvestigationSource.SLASH_COMMAND, "exit status=51");
        long before = QuarkusTransaction.requiringNew().call(() -> Investigation.count());

        assertTrue(warmUp.run());

        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> Investigation.count()));
        Investigation untouched = store.find(queued).orElseThrow();
        assertEquals(InvestigationStatus.QUEUED, untouched.status);
        assertEquals(0, untouched.attempts);
        assertEquals(null, untouched.threadTs);
        assertEquals(null, untouched.outcome);
    }
}
