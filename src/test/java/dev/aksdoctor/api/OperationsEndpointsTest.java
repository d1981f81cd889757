package dev.aksdoctor.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsEndpointsTest {

    @Test
    void readiness_isUpWithTheDatabaseCheck() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void health_reportsSlackConfigurationWithoutSecrets() {
        given().get("/q/health").then().statusCode(200)
                .body("checks.find { it.name == 'slack' }.data.configured", equalTo(false))
                .body(org.hamcrest.Matchers.not(containsString("xoxb-")));
    }

    @Test
    void metrics_arePrometheusWithAckAndInvestigationMeters() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("aksdoctor_slack_ack_seconds"))
                .body(containsString("aksdoctor_investigations_queued"));
    }

    @Test
    void openApi_describesTheDiagnosesEndpoint() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/diagnoses"));
    }
}
