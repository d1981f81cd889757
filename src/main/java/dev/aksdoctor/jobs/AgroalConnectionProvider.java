package dev.aksdoctor.jobs;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import org.quartz.utils.ConnectionProvider;

/** Hands Quartz connections from the application's pool, so its tables live in the same database. */
final class AgroalConnectionProvider implements ConnectionProvider {

    private final AgroalDataSource dataSource;

    AgroalConnectionProvider(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void shutdown() {
        // The pool belongs to Quarkus.
    }

    @Override
    public void initialize() {
        // Nothing to set up: the pool already exists.
    }
}
