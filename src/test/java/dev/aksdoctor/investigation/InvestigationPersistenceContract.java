package dev.aksdoctor.investigation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The same persistence tests, run on H2 and on PostgreSQL by the subclasses. */
abstract class InvestigationPersistenceContract {

    @Inject
    InvestigationStore store;

    @Inject
    AgroalDataSource dataSource;

    protected abstract String expectedDatabase();

    @AfterEach
    void removeRows() {
        // The in-memory H2 database outlives one Quarkus boot; other test classes count these rows.
        QuarkusTransaction.requiringNew().run(() -> Investigation.deleteAll());
    }

    @Test
    void database_isTheOneThisProfileTargets() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            assertTrue(c.getMetaData().getDatabaseProductName().toLowerCase().contains(expectedDatabase()),
                    c.getMetaData().getDatabaseProductName());
        }
    }

    @Test
    void open_storesRedactedTextAndQueuedStatus() {
        String paste = "az aks nodepool add failed: https://x.blob.core.windows.net/c?sv=2022&sig=AbCdEf123%2B456%3D "
                + "Authorization: Bearer eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwcyJ9.c2lnbmF0dXJlMTIz "
                + "{\"client_secret\": \"s3cr3t~value\"} — Knoten ✓ exit status=51";
        long id = store.open("U123", "C456", null, InvestigationSource.SLASH_COMMAND, paste);
        Investigation inv = store.find(id).orElseThrow();
        assertEquals(InvestigationStatus.QUEUED, inv.status);
        assertEquals("U123", inv.requester);
        assertFalse(inv.textRedacted.contains("AbCdEf123"));
        assertFalse(inv.textRedacted.contains("eyJ0eXAiOiJKV1Qi"));
        assertFalse(inv.textRedacted.contains("s3cr3t~value"));
        assertTrue(inv.textRedacted.contains("Knoten ✓ exit status=51"), "non-ASCII text survives the round trip");
        assertTrue(inv.createdAt != null && inv.updatedAt != null);
    }

    @Test
    void lifecycle_movesThroughRunningToAnsweredWithThread() {
        long id = store.open("U1", "C1", null, InvestigationSource.SLASH_COMMAND, "exit status=51");
        store.markRunning(id, "VMExtensionError_K8SAPIServerConnFail");
        store.attachThread(id, "1700000000.000100");
        store.finish(id, InvestigationStatus.ANSWERED, "recognised");
        Investigation inv = store.find(id).orElseThrow();
        assertEquals(InvestigationStatus.ANSWERED, inv.status);
        assertEquals("recognised", inv.outcome);
        assertEquals("1700000000.000100", inv.threadTs);
        assertEquals("VMExtensionError_K8SAPIServerConnFail", inv.errorCode);
    }

    @Test
    void startedSince_countsThisRequesterAndThisChannel_stoppingAtTheCap() {
        java.time.Instant before = java.time.Instant.now().minusSeconds(5);
        for (int i = 0; i < 4; i++) {
            store.open("URATE1", "CRATE1", null, InvestigationSource.SLASH_COMMAND, "exit status=51");
        }
        store.open("URATE1", "CRATE2", null, InvestigationSource.SLASH_COMMAND, "exit status=51");
        store.open("URATE2", "CRATE1", null, InvestigationSource.SLASH_COMMAND, "exit status=51");

        assertEquals(new InvestigationStore.StartedRecently(5, 5), store.startedSince("URATE1", "CRATE1", before, 100));
        assertEquals(new InvestigationStore.StartedRecently(3, 3), store.startedSince("URATE1", "CRATE1", before, 3),
                "counting stops at the limit it is compared with");
        assertEquals(new InvestigationStore.StartedRecently(1, 1), store.startedSince("URATE2", "CRATE2", before, 100));
        assertEquals(new InvestigationStore.StartedRecently(0, 0),
                store.startedSince("URATE1", "CRATE1", java.time.Instant.now().plusSeconds(60), 100), "only the window");
    }

    @Test
    void open_largePaste_isStoredWhole() {
        String big = "x".repeat(200_000) + " exit status=51";
        long id = store.open("U1", "C1", null, InvestigationSource.SLASH_COMMAND, big);
        assertEquals(big.length(), store.find(id).orElseThrow().textRedacted.length());
    }

    @Test
    void open_twice_givesDistinctIds() {
        long a = store.open("U1", "C1", null, InvestigationSource.SLASH_COMMAND, "a");
        long b = store.open("U1", "C1", null, InvestigationSource.SLASH_COMMAND, "b");
        assertNotEquals(a, b);
    }
}
