package dev.aksdoctor.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DiagnosisResourceTest {

    static final String PASTE = "Enable failed: failed to execute command: command terminated with exit status=51";
    static final List<String> CONTRACT_FIELDS = List.of("errorCode", "exitCode", "os", "subcategory", "nodeIp",
            "apiServerIp", "apiServerFqdn", "region", "privateCluster", "cluster", "nodeName", "vmss", "instanceId",
            "correlationId", "errors", "summary", "docs", "plan");

    @Test
    void plainText_answersWithEveryContractField() {
        var body = given().contentType(ContentType.TEXT).body(PASTE)
                .post("/api/diagnoses").then().statusCode(200).contentType(ContentType.JSON);
        for (String field : CONTRACT_FIELDS) {
            body.body("$", hasKey(field));
        }
    }

    @Test
    void plainText_exit51_isTheApiServerConnectionFailureOnLinux() {
        given().contentType(ContentType.TEXT).body(PASTE).post("/api/diagnoses").then().statusCode(200)
                .body("errorCode", equalTo("VMExtensionError_K8SAPIServerConnFail"))
                .body("exitCode", equalTo(51))
                .body("os", equalTo("linux"))
                .body("plan", org.hamcrest.Matchers.not(org.hamcrest.Matchers.empty()));
    }

    @Test
    void json_answersWithEveryContractField() {
        var body = given().contentType(ContentType.JSON).body("{\"text\": \"" + PASTE + "\"}")
                .post("/api/diagnoses").then().statusCode(200);
        for (String field : CONTRACT_FIELDS) {
            body.body("$", hasKey(field));
        }
    }

    @Test
    void curlDefaultContentType_isTreatedAsThePaste() {
        // curl --data-binary @paste.txt sends application/x-www-form-urlencoded
        given().config(dev.aksdoctor.testing.SlackRequests.RAW_BODIES)
                .contentType("application/x-www-form-urlencoded").body(PASTE.getBytes())
                .post("/api/diagnoses").then().statusCode(200).body("$", hasKey("errorCode"));
    }

    @Test
    void emptyText_is400WithAHelpfulMessage() {
        given().contentType(ContentType.TEXT).body("  \n ").post("/api/diagnoses")
                .then().statusCode(400).body("error", equalTo("bad_request"))
                .body("message", containsString("empty"));
    }

    @Test
    void jsonWithoutText_is400() {
        given().contentType(ContentType.JSON).body("{\"paste\": \"x\"}").post("/api/diagnoses")
                .then().statusCode(400).body("message", containsString("{\"text\""));
    }

    @Test
    void malformedJson_is400WithoutStackTrace() {
        given().contentType(ContentType.JSON).body("{\"text\": ").post("/api/diagnoses")
                .then().statusCode(400).body(not(containsString("Exception"))).body(not(containsString("at dev.")));
    }

    @Test
    void binaryBody_isStillAnsweredNot500() {
        byte[] junk = new byte[4096];
        for (int i = 0; i < junk.length; i++) {
            junk[i] = (byte) (i * 31 + 7);
        }
        given().contentType(ContentType.BINARY).body(junk).post("/api/diagnoses")
                .then().statusCode(200).body("$", hasKey("summary"));
    }

    @Test
    void oneMegabyteOfText_isAnsweredOrRefusedClearly() {
        String big = "x".repeat(1024 * 1024 - PASTE.length() - 1) + " " + PASTE;
        given().contentType(ContentType.TEXT).body(big).post("/api/diagnoses")
                .then().statusCode(200).body("$", hasKey("errorCode"));
    }

    @Test
    void overOneMegabyte_is400() {
        given().contentType(ContentType.TEXT).body("y".repeat(1024 * 1024 + 10)).post("/api/diagnoses")
                .then().statusCode(400).body("message", containsString("1 MB"));
    }

    @Test
    void get_is405WithAHint() {
        given().get("/api/diagnoses").then().statusCode(405);
    }
}
