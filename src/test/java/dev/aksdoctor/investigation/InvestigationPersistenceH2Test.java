package dev.aksdoctor.investigation;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class InvestigationPersistenceH2Test extends InvestigationPersistenceContract {
    @Override
    protected String expectedDatabase() {
        return "h2";
    }
}
