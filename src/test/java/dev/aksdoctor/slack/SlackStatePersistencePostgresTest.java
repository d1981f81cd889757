package dev.aksdoctor.slack;

import dev.aksdoctor.testing.FakeSlackResource;
import dev.aksdoctor.testing.PostgresProfile;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(PostgresProfile.class)
// Not needed here, but the same resources as DurableQueuePostgresTest: one application and one PostgreSQL for all three.
@WithTestResource(FakeSlackResource.class)
class SlackStatePersistencePostgresTest extends SlackStatePersistenceContract {
    @Override
    protected String expectedDatabase() {
        return "postgresql";
    }
}
