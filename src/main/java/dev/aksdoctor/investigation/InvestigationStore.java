package dev.aksdoctor.investigation;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Persists investigations; every write is its own transaction so a crash loses at most the step under way. */
@ApplicationScoped
public class InvestigationStore {

    private static final List<InvestigationStatus> OPEN = List.of(InvestigationStatus.QUEUED, InvestigationStatus.RUNNING);

    /**
     * Rows are created here only. Ids come straight from the sequence: values are 50 apart, and Hibernate's
     * pooled optimizer (the entity's generator) would only ever use the 49 ids below a value it fetched, so
     * the two never collide.
     */
    private static final String INSERT = "INSERT INTO investigation (id, requester, channel, thread_ts, source, "
            + "text_redacted, status, attempts, run_node_probes, created_at, updated_at) "
            + "VALUES (%s, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)";

    private final Clock clock;
    private final AgroalDataSource dataSource;
    private final String insertSql;

    public InvestigationStore(Clock clock, AgroalDataSource dataSource,
                              @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.clock = clock;
        this.dataSource = dataSource;
        // H2 reads nextval('name') by parsing the name on every row; its standard form is resolved once.
        this.insertSql = INSERT.formatted("h2".equalsIgnoreCase(dbKind)
                ? "NEXT VALUE FOR investigation_seq" : "nextval('investigation_seq')");
    }

    public long open(String requester, String channel, String threadTs, InvestigationSource source, String text) {
        return open(requester, channel, threadTs, source, text, false);
    }

    /**
     * Stores a new queued investigation and returns its id. This runs while Slack waits for the ack, so it is
     * one autocommitted JDBC insert: an ORM session and a JTA transaction cost several times the insert.
     */
    public long open(String requester, String channel, String threadTs, InvestigationSource source, String text,
                     boolean runNodeProbes) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement(insertSql, new String[] {"id"})) {
            insert.setString(1, requester);
            insert.setString(2, channel);
            insert.setString(3, threadTs);
            insert.setString(4, source.name());
            insert.setString(5, SecretRedactor.redact(text));
            insert.setString(6, InvestigationStatus.QUEUED.name());
            insert.setBoolean(7, runNodeProbes);
            insert.setObject(8, now);
            insert.setObject(9, now);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new PersistenceException("The database returned no id for a new investigation");
                }
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new PersistenceException("Could not store the investigation: " + e.getMessage(), e);
        }
    }

    /** How many investigations were stored since {@code since}: by this requester, and in this channel. */
    public record StartedRecently(long byRequester, long inChannel) {
    }

    /**
     * Counts from the stored rows, so every replica sees the same numbers. On the ack path like {@link #open}: one
     * autocommitted query, two counts each on its own index ({@code (requester, created_at)}, {@code (channel,
     * created_at)}) and each stopping at {@code cap} (the limit it is compared with), so its cost follows the limit,
     * not how many this requester or channel started.
     */
    public StartedRecently startedSince(String requester, String channel, Instant since, long cap) {
        OffsetDateTime after = OffsetDateTime.ofInstant(since, ZoneOffset.UTC);
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT "
                        + "(SELECT COUNT(*) FROM (SELECT 1 FROM investigation WHERE requester = ? AND created_at > ? "
                        + "LIMIT ?) mine), "
                        + "(SELECT COUNT(*) FROM (SELECT 1 FROM investigation WHERE channel = ? AND created_at > ? "
                        + "LIMIT ?) here)")) {
            select.setString(1, requester);
            select.setObject(2, after);
            select.setLong(3, cap);
            select.setString(4, channel);
            select.setObject(5, after);
            select.setLong(6, cap);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return new StartedRecently(rows.getLong(1), rows.getLong(2));
            }
        } catch (SQLException e) {
            throw new PersistenceException("Could not count recent investigations: " + e.getMessage(), e);
        }
    }

    /** Moves a queued or resumed investigation to RUNNING; a finished one is left alone. */
    @Transactional
    public void markRunning(long id, String errorCode) {
        find(id).filter(inv -> !inv.status.terminal()).ifPresent(inv -> {
            inv.status = InvestigationStatus.RUNNING;
            inv.errorCode = errorCode;
            inv.attempts++;
            inv.updatedAt = clock.instant();
        });
    }

    @Transactional
    public void recordLikelyCause(long id, String cause) {
        find(id).ifPresent(inv -> inv.likelyCause = cause == null ? null
                : cause.length() > 300 ? cause.substring(0, 299) + "…" : cause);
    }

    @Transactional
    public void attachThread(long id, String threadTs) {
        find(id).ifPresent(inv -> {
            inv.threadTs = threadTs;
            inv.updatedAt = clock.instant();
        });
    }

    /** Records the thread message that will carry the final answer. */
    @Transactional
    public void attachAnswer(long id, String answerTs) {
        find(id).ifPresent(inv -> {
            inv.answerTs = answerTs;
            inv.updatedAt = clock.instant();
        });
    }

    @Transactional
    public void finish(long id, InvestigationStatus status, String outcome) {
        find(id).ifPresent(inv -> {
            inv.status = status;
            inv.outcome = outcome;
            inv.updatedAt = clock.instant();
        });
    }

    /**
     * Claims the right to deliver the final message with this status: true when the investigation is still
     * open, or already carries this status but its delivery did not finish (a crash between claim and post).
     * Whoever loses (a slow job against the time-out sweeper) posts nothing.
     */
    @Transactional
    public boolean claimFinal(long id, InvestigationStatus status, String outcome) {
        int updated = Investigation.update("status = :status, outcome = :outcome, updatedAt = :now "
                        + "where id = :id and answeredAt is null and (status in :open or status = :status)",
                Map.of("status", status, "outcome", outcome, "now", clock.instant(), "id", id, "open", OPEN));
        return updated == 1;
    }

    /** The final message is in the thread: every later attempt stops before posting. */
    @Transactional
    public void markDelivered(long id) {
        find(id).ifPresent(inv -> {
            inv.answeredAt = clock.instant();
            inv.updatedAt = inv.answeredAt;
        });
    }

    /** Queued investigations stored before {@code before}: candidates for a job that was never created. */
    @Transactional
    public List<Long> queuedBefore(Instant before) {
        return Investigation.<Investigation>find("status = ?1 and updatedAt < ?2", InvestigationStatus.QUEUED, before)
                .page(0, 200).list().stream().map(inv -> inv.id).toList();
    }

    /** Open investigations not touched since {@code runningBefore} (running) or {@code queuedBefore} (queued). */
    @Transactional
    public List<Long> stuck(Instant runningBefore, Instant queuedBefore) {
        return Investigation.<Investigation>find("(status = :running and updatedAt < :r) or (status = :queued and updatedAt < :q)",
                        Map.of("running", InvestigationStatus.RUNNING, "r", runningBefore,
                                "queued", InvestigationStatus.QUEUED, "q", queuedBefore))
                .page(0, 100).list().stream().map(inv -> inv.id).toList();
    }

    /** Timed-out investigations whose notice is not in the thread yet. */
    @Transactional
    public List<Long> undeliveredTimeOuts() {
        return Investigation.<Investigation>find("status = ?1 and answeredAt is null", InvestigationStatus.TIMED_OUT)
                .page(0, 100).list().stream().map(inv -> inv.id).toList();
    }

    @Transactional
    public long count(InvestigationStatus status) {
        return Investigation.count("status", status);
    }

    /** The newest investigation answered in this thread, if the bot answered in it. */
    @Transactional
    public Optional<Investigation> latestInThread(String channel, String threadTs) {
        if (channel == null || threadTs == null) {
            return Optional.empty();
        }
        return Investigation.<Investigation>find("channel = ?1 and threadTs = ?2 order by createdAt desc, id desc",
                channel, threadTs).firstResultOptional();
    }

    @Transactional
    public Optional<Investigation> find(long id) {
        return Investigation.findByIdOptional(id);
    }
}
