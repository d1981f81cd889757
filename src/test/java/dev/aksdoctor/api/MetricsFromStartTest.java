package dev.aksdoctor.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every metric the README lists is in /q/metrics before the first Slack request or investigation, at zero. Its
 * own profile gives it a freshly started application, which no other test has sent anything to.
 */
@QuarkusTest
@TestProfile(MetricsFromStartTest.FreshStart.class)
class MetricsFromStartTest {

    public static class FreshStart implements QuarkusTestProfile {
    }

    @Test
    void metrics_readmeSeriesExistAtZeroFromStart() {
        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        List<String> zeroSeries = List.of(
                "aksdoctor_investigations_total{outcome=\"cause_found\"}",
                "aksdoctor_investigations_total{outcome=\"no_cause\"}",
                "aksdoctor_investigations_total{outcome=\"no_azure\"}",
                "aksdoctor_investigations_total{outcome=\"unrecognised\"}",
                "aksdoctor_investigations_total{outcome=\"timed_out\"}",
                "aksdoctor_investigations_total{outcome=\"failed\"}",
                "aksdoctor_slack_rejected_total{reason=\"missing_headers\"}",
                "aksdoctor_slack_rejected_total{reason=\"stale_timestamp\"}",
                "aksdoctor_slack_rejected_total{reason=\"bad_signature\"}",
                "aksdoctor_slack_ack_seconds_count",
                "aksdoctor_investigations_queued");
        for (String series : zeroSeries) {
            Pattern line = Pattern.compile("(?m)^" + Pattern.quote(series) + " 0\\.0$");
            assertTrue(line.matcher(body).find(), () -> series + " 0.0 missing from:\n" + body.lines()
                    .filter(l -> l.startsWith("aksdoctor_")).reduce("", (a, b) -> a + b + "\n"));
        }
    }
}
