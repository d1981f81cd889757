package dev.aksdoctor.slack;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SlackStatePersistenceH2Test extends SlackStatePersistenceContract {
    @Override
    protected String expectedDatabase() {
        return "h2";
    }
}
