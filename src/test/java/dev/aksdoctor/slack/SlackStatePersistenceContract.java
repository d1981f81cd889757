package dev.aksdoctor.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aksdoctor.action.ActionAudit;
import dev.aksdoctor.action.AuditLog;
import dev.aksdoctor.action.InvestigationResolution;
import dev.aksdoctor.channel.ChannelSetting;
import dev.aksdoctor.channel.ChannelSettings;
import dev.aksdoctor.diagnosis.ClusterRef;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Slack-side tables of migrations V20–V22 (slack_delivery, channel_settings, action_audit,
 * investigation_resolution), run on H2 and on PostgreSQL by the subclasses. Rows use their own keys and are
 * removed afterwards: the in-memory H2 database outlives one Quarkus boot.
 */
abstract class SlackStatePersistenceContract {

    static final String PREFIX = "contract:";
    static final String CHANNEL = "CPERSIST1";
    static final String ACTOR = "UPERSIST1";
    static final long RESOLVED_ID = 987_654_321L;
    static final ClusterRef CLUSTER = new ClusterRef("11111111-2222-3333-4444-555555555555", "rg-aks", "aks1");

    @Inject
    SlackDeliveries deliveries;

    @Inject
    ChannelSettings settings;

    @Inject
    AuditLog audit;

    @Inject
    AgroalDataSource dataSource;

    protected abstract String expectedDatabase();

    @AfterEach
    void removeRows() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement d = c.prepareStatement("DELETE FROM slack_delivery WHERE delivery_key LIKE ?")) {
            d.setString(1, PREFIX + "%");
            d.executeUpdate();
        }
        QuarkusTransaction.requiringNew().run(() -> {
            ChannelSetting.delete("channel like ?1", "CPERSIST%");
            ActionAudit.delete("actor", ACTOR);
            InvestigationResolution.delete("investigationId", RESOLVED_ID);
        });
    }

    @Test
    void database_isTheOneThisProfileTargets() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            assertTrue(c.getMetaData().getDatabaseProductName().toLowerCase().contains(expectedDatabase()),
                    c.getMetaData().getDatabaseProductName());
        }
    }

    // ---------------------------------------------------------------- slack_delivery

    @Test
    void firstTime_sameKeyTwice_secondIsARepeat() {
        assertTrue(deliveries.firstTime(PREFIX + "Ev0123456789"));
        assertFalse(deliveries.firstTime(PREFIX + "Ev0123456789"));
        assertTrue(deliveries.firstTime(PREFIX + "Ev0123456790"), "another key is new");
    }

    @Test
    void firstTime_keyLongerThanColumn_boundedAndStillDeduplicated() {
        String longKey = PREFIX + "trigger:" + "7".repeat(400);
        assertTrue(deliveries.firstTime(longKey));
        assertFalse(deliveries.firstTime(longKey));
        assertFalse(deliveries.firstTime(longKey.substring(0, 200) + "different tail"),
                "keys are compared on their first 200 characters, the column's width");
    }

    @Test
    void purgeOlderThan_keepsNewerRowsAndForgetsOlderOnes() {
        String key = PREFIX + "view:V0PURGE";
        assertTrue(deliveries.firstTime(key));

        deliveries.purgeOlderThan(Instant.now().minus(Duration.ofHours(1)));
        assertFalse(deliveries.firstTime(key), "a recent delivery survives the purge");

        assertTrue(deliveries.purgeOlderThan(Instant.now().plus(Duration.ofMinutes(1))) >= 1);
        assertTrue(deliveries.firstTime(key), "a purged delivery counts as new again");
    }

    // ---------------------------------------------------------------- channel_settings

    @Test
    void channelSettings_defaultAndAutodetect_roundTripAndClear() {
        assertTrue(settings.channelDefault(CHANNEL).isEmpty());
        assertFalse(settings.autodetect(CHANNEL));

        settings.setDefault(CHANNEL, CLUSTER, "U111");
        settings.setAutodetect(CHANNEL, true, "U222");

        assertEquals(Optional.of(CLUSTER), settings.channelDefault(CHANNEL));
        assertTrue(settings.autodetect(CHANNEL));
        ChannelSetting row = QuarkusTransaction.requiringNew().call(() -> ChannelSetting.<ChannelSetting>findById(CHANNEL));
        assertEquals("U222", row.updatedBy);
        assertEquals(CLUSTER.resourceId().orElseThrow(), row.defaultClusterId);
        assertTrue(Duration.between(row.updatedAt, Instant.now()).abs().compareTo(Duration.ofMinutes(5)) < 0,
                "timestamps keep their zone: " + row.updatedAt);

        settings.setDefault(CHANNEL, null, "U111");
        assertTrue(settings.channelDefault(CHANNEL).isEmpty());
        assertTrue(settings.autodetect(CHANNEL), "clearing the default keeps autodetect");
    }

    @Test
    void channelSettings_twoChannels_independent() {
        settings.setDefault(CHANNEL, CLUSTER, "U111");
        assertTrue(settings.channelDefault("CPERSIST2").isEmpty());
        assertFalse(settings.autodetect("CPERSIST2"));
    }

    // ---------------------------------------------------------------- action_audit

    @Test
    void audit_startedThenFinished_recordsResultAndTimes() {
        AuditLog.Entry entry = new AuditLog.Entry(ACTOR, "rotate_certificates", CLUSTER.resourceId().orElseThrow(),
                "{}", 42L, "C111", "1700000000.000100");
        long id = audit.started(entry);
        ActionAudit running = find(id);
        assertEquals(ActionAudit.Result.RUNNING, running.result);
        assertNull(running.finishedAt);

        audit.finished(id, true, "rotated");

        ActionAudit done = find(id);
        assertEquals(ActionAudit.Result.SUCCEEDED, done.result);
        assertEquals("rotated", done.detail);
        assertNotNull(done.finishedAt);
        assertEquals(42L, done.investigationId);
        assertEquals("1700000000.000100", done.threadTs);
        assertFalse(done.finishedAt.isBefore(done.createdAt.truncatedTo(ChronoUnit.MILLIS)));
    }

    @Test
    void audit_refusedWithOversizedFields_boundedToColumns() {
        String target = "/subscriptions/x/" + "t".repeat(700);
        AuditLog.Entry entry = new AuditLog.Entry(ACTOR, "start_cluster", target, "p".repeat(1500), null, null, null);
        long id = audit.refused(entry, "d".repeat(3000));

        ActionAudit row = find(id);
        assertEquals(ActionAudit.Result.REFUSED, row.result);
        assertEquals(600, row.target.length());
        assertEquals(1000, row.parameters.length());
        assertEquals(2000, row.detail.length());
        assertEquals(row.createdAt, row.finishedAt);
    }

    @Test
    void audit_forTarget_inOrderOfCreation() {
        String target = CLUSTER.resourceId().orElseThrow() + "/persist-order";
        long first = audit.started(new AuditLog.Entry(ACTOR, "start_cluster", target, null, null, "C1", null));
        long second = audit.refused(new AuditLog.Entry(ACTOR, "reconcile_cluster", target, null, null, "C1", null), "no");
        audit.started(new AuditLog.Entry(ACTOR, "start_cluster", target + "-other", null, null, "C1", null));

        List<ActionAudit> rows = audit.forTarget(target);

        assertEquals(List.of(first, second), rows.stream().map(r -> r.id).toList());
    }

    // ---------------------------------------------------------------- investigation_resolution

    @Test
    void resolution_storedOnceSecondInsertRejectedByKey() {
        Instant at = Instant.parse("2024-05-01T03:04:05Z");
        QuarkusTransaction.requiringNew().run(() -> {
            InvestigationResolution r = new InvestigationResolution();
            r.investigationId = RESOLVED_ID;
            r.resolvedBy = "U111";
            r.resolvedAt = at;
            r.persist();
        });

        InvestigationResolution stored = QuarkusTransaction.requiringNew()
                .call(() -> InvestigationResolution.<InvestigationResolution>findById(RESOLVED_ID));
        assertEquals("U111", stored.resolvedBy);
        assertEquals(at, stored.resolvedAt);

        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            InvestigationResolution again = new InvestigationResolution();
            again.investigationId = RESOLVED_ID;
            again.resolvedBy = "U222";
            again.resolvedAt = at;
            again.persist();
        }));
        assertEquals("U111", QuarkusTransaction.requiringNew()
                .call(() -> InvestigationResolution.<InvestigationResolution>findById(RESOLVED_ID)).resolvedBy);
    }

    private static ActionAudit find(long id) {
        return QuarkusTransaction.requiringNew().call(() -> ActionAudit.<ActionAudit>findById(id));
    }
}
