package dev.aksdoctor.investigation;

import dev.aksdoctor.testing.FakeSlackResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(FakeSlackResource.class)
class DurableQueueH2Test extends DurableQueueContract {
}
