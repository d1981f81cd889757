package dev.aksdoctor.investigation;

import dev.aksdoctor.testing.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(PostgresProfile.class)
class InvestigationPersistencePostgresTest extends InvestigationPersistenceContract {
    @Override
    protected String expectedDatabase() {
        return "postgresql";
    }
}
