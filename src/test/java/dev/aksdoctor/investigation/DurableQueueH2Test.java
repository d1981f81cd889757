package dev.aksdoctor.investigation;

import dev.aksdoctor.testing.FakeSlackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = FakeSlackResource.class, restrictToAnnotatedClass = true)
class DurableQueueH2Test extends DurableQueueContract {
}
