package dev.aksdoctor.investigation;

import dev.aksdoctor.testing.FakeSlackResource;
import dev.aksdoctor.testing.PostgresProfile;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(PostgresProfile.class)
@QuarkusTestResource(value = FakeSlackResource.class, restrictToAnnotatedClass = true)
class DurableQueuePostgresTest extends DurableQueueContract {
}
