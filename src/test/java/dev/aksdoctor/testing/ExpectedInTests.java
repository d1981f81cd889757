package dev.aksdoctor.testing;

import io.quarkus.logging.LoggingFilter;
import java.util.List;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps off the test console what tests provoke on purpose (a refused Slack request, a database that refuses a
 * paste, a check that throws …): those loggers keep their levels, so tests can still capture and assert the
 * records, and target/quarkus.log keeps every line. Only the console of a passing run stays quiet.
 */
@LoggingFilter(name = "expected-in-tests")
public final class ExpectedInTests implements Filter {

    private final List<String> loggers;

    public ExpectedInTests(@ConfigProperty(name = "aks-doctor.tests.console-quiet-loggers") List<String> loggers) {
        this.loggers = List.copyOf(loggers);
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        String name = record.getLoggerName();
        if (name == null) {
            return true;
        }
        for (String logger : loggers) {
            if (name.equals(logger) || name.startsWith(logger + ".")) {
                return false;
            }
        }
        return true;
    }
}
