package dev.aksdoctor.security;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aksdoctor.investigation.ForgetOldPastes;
import dev.aksdoctor.investigation.Investigation;
import dev.aksdoctor.investigation.InvestigationSettings;
import dev.aksdoctor.investigation.InvestigationSource;
import dev.aksdoctor.investigation.InvestigationStatus;
import dev.aksdoctor.investigation.InvestigationStore;
import dev.aksdoctor.testing.FakeSlackApi;
import dev.aksdoctor.testing.FakeSlackResource;
import dev.aksdoctor.testing.InjectFakeSlack;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 6, end to end: what reaches the database and the log. Each secret shape of the corpus, in each
 * escaping, is gone from the stored row; a paste sent through Slack leaves no secret in any log line; the
 * retention job removes old pastes (called with a fixed clock; its schedule is off in tests).
 */
@QuarkusTest
@TestProfile(TrustProfile.class)
@WithTestResource(FakeSlackResource.class)
class SecretsNeverStoredTest {

    @InjectFakeSlack
    FakeSlackApi slack;

    @Inject
    InvestigationStore store;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    InvestigationSettings settings;

    @Test
    void everySecretShape_inEveryEscaping_absentFromTheStoredRow() {
        SecretRedactionCorpusTest.corpusInEveryEscaping().forEach(arguments -> {
            Object[] a = arguments.get();
            long id = store.open("UREQ1", "CSTORE1", null, InvestigationSource.SLASH_COMMAND, (String) a[1]);
            String stored = store.find(id).orElseThrow().textRedacted;
            assertFalse(stored.contains((String) a[2]), () -> a[0] + " was stored: " + stored);
        });
    }

    @Test
    void pasteThroughSlack_secretsInNoLogLineAndNotInTheRow() {
        String secret = "Pr0xyPa55-" + System.nanoTime();
        String paste = "Code=\"VMExtensionError_K8SAPIServerConnFail\" exit status=51 Node 10.0.2.10 could not reach "
                + "98.67.228.23:443 via HTTPS_PROXY=http://svc:" + secret + "@proxy.contoso.com:3128; "
                + "az login --service-principal -u app -p '" + secret + "'";
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(new SimpleFormatter().formatMessage(record)
                        + (record.getThrown() == null ? "" : " " + record.getThrown()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(capture);
        try {
            TrustRequests.post(TrustRequests.slashCommand(TrustRequests.TEAM, "CSTORE2", "UREQ2", paste,
                    TrustRequests.newTrigger(), slack.responseUrl("paste"))).then().statusCode(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                    Investigation.<Investigation>find("channel", "CSTORE2").firstResultOptional()
                            .map(i -> i.answeredAt != null).orElse(false)));
        } finally {
            root.removeHandler(capture);
        }

        assertTrue(logged.stream().noneMatch(line -> line.contains(secret)), () -> String.join("\n", logged));
        Investigation row = QuarkusTransaction.requiringNew().call(() ->
                Investigation.<Investigation>find("channel", "CSTORE2").firstResult());
        assertFalse(row.textRedacted.contains(secret), row.textRedacted);
        assertTrue(slack.calls().stream().noneMatch(c -> c.rawBody() != null && c.rawBody().contains(secret)),
                "nothing echoed to Slack");
    }

    @Test
    void retention_removesOnlyFinishedPastesOlderThanTheSetting() {
        long old = store.open("UREQ1", "CRETAIN1", null, InvestigationSource.SLASH_COMMAND, "exit status=51 old");
        store.finish(old, InvestigationStatus.ANSWERED, "recognised");
        long running = store.open("UREQ1", "CRETAIN1", null, InvestigationSource.SLASH_COMMAND, "exit status=51 open");
        Instant created = store.find(old).orElseThrow().createdAt;

        ForgetOldPastes tooEarly = new ForgetOldPastes(dataSource, settings,
                Clock.fixed(created.plus(settings.pasteRetention()).minusSeconds(60), ZoneOffset.UTC));
        tooEarly.run();
        assertEquals("exit status=51 old", store.find(old).orElseThrow().textRedacted, "kept within the retention");

        ForgetOldPastes later = new ForgetOldPastes(dataSource, settings,
                Clock.fixed(created.plus(settings.pasteRetention()).plusSeconds(60), ZoneOffset.UTC));
        assertTrue(later.run() >= 1);
        assertEquals(ForgetOldPastes.REMOVED, store.find(old).orElseThrow().textRedacted);
        assertEquals("exit status=51 open", store.find(running).orElseThrow().textRedacted,
                "a queued investigation keeps the paste it still needs");
        assertEquals(Duration.ofDays(3), settings.pasteRetention(), "the default is a few days");
        store.finish(running, InvestigationStatus.FAILED, "failed");
    }
}
