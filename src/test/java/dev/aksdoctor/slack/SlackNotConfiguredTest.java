package dev.aksdoctor.slack;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The default test profile has no Slack credentials, like a fresh `java -jar`. */
@QuarkusTest
class SlackNotConfiguredTest {

    @Test
    void slackEvents_withoutCredentials_is503SayingWhatToSet() {
        given().contentType("application/x-www-form-urlencoded").body("command=%2Faks-doctor&text=help")
                .post("/slack/events").then().statusCode(503)
                .body(containsString("SLACK_SIGNING_SECRET")).body(containsString("SLACK_BOT_TOKEN"));
    }

    @Test
    void diagnosesApi_withoutCredentials_stillWorks() {
        given().contentType("text/plain").body("exit status=51").post("/api/diagnoses").then().statusCode(200);
    }
}
