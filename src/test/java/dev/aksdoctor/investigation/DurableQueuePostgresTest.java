package dev.aksdoctor.investigation;

import dev.aksdoctor.testing.FakeSlackResource;
import dev.aksdoctor.testing.PostgresProfile;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(PostgresProfile.class)
@WithTestResource(FakeSlackResource.class)
class DurableQueuePostgresTest extends DurableQueueContract {
}
