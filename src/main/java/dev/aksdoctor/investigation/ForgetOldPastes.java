package dev.aksdoctor.investigation;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * Keeps a paste no longer than {@code aks-doctor.investigations.paste-retention}: even redacted, a paste can hold
 * what no recogniser knows (an internal host name, a customer's identifier). The finished investigation stays
 * (who asked, where, the error code, the likely cause); only its text is replaced. Every replica may run it:
 * clearing a cleared text changes nothing.
 */
@ApplicationScoped
public class ForgetOldPastes {

    private static final Logger LOG = Logger.getLogger(ForgetOldPastes.class);
    /** What a removed paste reads as; the parser finds nothing in it. */
    public static final String REMOVED = "(paste removed after the retention period)";

    private final AgroalDataSource dataSource;
    private final InvestigationSettings settings;
    private final Clock clock;

    public ForgetOldPastes(AgroalDataSource dataSource, InvestigationSettings settings, Clock clock) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(cron = "{aks-doctor.investigations.paste-retention-cron}", identity = "forget-old-pastes",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    /** Clears the text of finished investigations created before now minus the retention; returns how many. */
    public int run() {
        Instant cutoff = clock.instant().minus(settings.pasteRetention());
        try (Connection c = dataSource.getConnection();
                PreparedStatement clear = c.prepareStatement("UPDATE investigation SET text_redacted = ? "
                        + "WHERE created_at < ? AND status NOT IN (?, ?) AND text_redacted <> ?")) {
            clear.setString(1, REMOVED);
            clear.setObject(2, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
            clear.setString(3, InvestigationStatus.QUEUED.name());
            clear.setString(4, InvestigationStatus.RUNNING.name());
            clear.setString(5, REMOVED);
            int cleared = clear.executeUpdate();
            if (cleared > 0) {
                LOG.infof("Removed the pastes of %d investigations older than %s", cleared, settings.pasteRetention());
            }
            return cleared;
        } catch (SQLException e) {
            // Retried at the next run; nothing is lost by waiting.
            LOG.warnf("Could not remove old pastes (will retry at the next run): %s", e.getMessage());
            return 0;
        }
    }
}
