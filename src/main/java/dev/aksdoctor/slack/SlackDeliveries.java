package dev.aksdoctor.slack;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Remembers which Slack deliveries (event ids, triggers, submitted views, diagnosed messages) were acted on,
 * in a table whose primary key is the delivery key. Slack retries an event it thinks was not acknowledged
 * in time and sometimes delivers the same one twice; every replica shares the table, so only the first
 * delivery anywhere wins.
 */
@ApplicationScoped
public class SlackDeliveries {

    private static final Logger LOG = Logger.getLogger(SlackDeliveries.class);
    /** Slack retries for about 5 minutes; a day leaves room for slow duplicates. */
    static final Duration KEEP = Duration.ofDays(1);
    /** SQLSTATE for a unique violation, the same on PostgreSQL and H2. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final AgroalDataSource dataSource;
    private final Clock clock;

    public SlackDeliveries(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * True the first time {@code key} is seen, false for a repeat. When the database cannot be reached the
     * delivery is treated as first: a rare duplicate answer is better than a lost one.
     */
    public boolean firstTime(String key) {
        String bounded = key.length() > 200 ? key.substring(0, 200) : key;
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO slack_delivery (delivery_key, received_at) VALUES (?, ?)")) {
            insert.setString(1, bounded);
            insert.setTimestamp(2, Timestamp.from(clock.instant()));
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            LOG.warnf("Could not record Slack delivery (treating it as new): %s", e.getMessage());
            return true;
        }
    }

    /** Whether {@code key} was recorded (by {@link #firstTime}) within the last day; false when unsure. */
    public boolean seen(String key) {
        String bounded = key.length() > 200 ? key.substring(0, 200) : key;
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT 1 FROM slack_delivery WHERE delivery_key = ?")) {
            select.setString(1, bounded);
            try (var rows = select.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            LOG.warnf("Could not look up a Slack delivery (treating it as unknown): %s", e.getMessage());
            return false;
        }
    }

    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        purgeOlderThan(clock.instant().minus(KEEP));
    }

    public int purgeOlderThan(Instant cutoff) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement("DELETE FROM slack_delivery WHERE received_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(cutoff));
            return delete.executeUpdate();
        } catch (SQLException e) {
            LOG.warnf("Could not purge old Slack deliveries: %s", e.getMessage());
            return 0;
        }
    }
}
