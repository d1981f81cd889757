package dev.aksdoctor.investigation;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The production store with a switch that makes the database stop answering on the ack path (counting recent
 * investigations and storing a new one), failing as the real store does when its pool cannot get a connection. A
 * test profile enables it with {@code getEnabledAlternatives()}; the database answers until a test says otherwise.
 */
@Alternative
@ApplicationScoped
public class UnavailableInvestigationStore extends InvestigationStore {

    private static volatile boolean down;

    /** For the CDI client proxy only (ArC cannot add one to a subclass in test code). */
    UnavailableInvestigationStore() {
        super(null, null, "h2");
    }

    @Inject
    public UnavailableInvestigationStore(Clock clock, AgroalDataSource dataSource,
            @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        super(clock, dataSource, dbKind);
    }

    public static void databaseDown(boolean isDown) {
        down = isDown;
    }

    @Override
    public StartedRecently startedSince(String requester, String channel, Instant since, long cap) {
        refuseWhenDown("count recent investigations");
        return super.startedSince(requester, channel, since, cap);
    }

    @Override
    public long open(String requester, String channel, String threadTs, InvestigationSource source, String text,
            boolean runNodeProbes) {
        refuseWhenDown("store the investigation");
        return super.open(requester, channel, threadTs, source, text, runNodeProbes);
    }

    private static void refuseWhenDown(String what) {
        if (down) {
            SQLTransientConnectionException cause = new SQLTransientConnectionException(
                    "Acquisition timeout while waiting for new connection", "08001");
            throw new PersistenceException("Could not " + what + ": " + cause.getMessage(), cause);
        }
    }
}
