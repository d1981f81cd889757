package dev.aksdoctor.slack;

import dev.aksdoctor.testing.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(PostgresProfile.class)
class SlackStatePersistencePostgresTest extends SlackStatePersistenceContract {
    @Override
    protected String expectedDatabase() {
        return "postgresql";
    }
}
