package dev.aksdoctor.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    /**
     * One paste per category of issue 14, as a client would post it: the answer carries the code, the subcategory
     * and the first check of a plan that fits (a client timeout reads the authorized ranges, not the nodes' NSG).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "083-real-kubectl-timeout-acs-table|KubectlDialTimeout|CONNECTION_TIMED_OUT|client-authorized-ranges",
        "085-real-kubectl-no-such-host-home-resolver|KubectlNoSuchHost|DNS_LOOKUP_FAILED|cluster-state",
        "147-curl-v-connected-to-fqdn-ssl-syscall|KubectlConnectionFailed|TLS_HANDSHAKE_FAILED|cluster-state",
        "146-real-kubectl-x509-expired-bare|KubectlConnectionFailed|CERTIFICATE_PROBLEM|cluster-state",
        "149-kubectl-timeout-then-old-cse-agent-51|VMExtensionError_K8SAPIServerConnFail|CONNECTION_TIMED_OUT"
                + "|authorized-ip-ranges",
        "103-real-title-createvmssagentpoolfailed-exit-50|VMExtensionError_OutboundConnFail|UNKNOWN|nsg-outbound",
        "153-powershell-backtick-nodepool-add-wrapper|QuotaExceeded|-|vcpu-quota",
        "150-activity-log-list-newest-first|QuotaExceeded|-|vcpu-quota",
        "100-real-azurecni-only-for-windows-code|AzureCNIOnlyForWindows|-|cluster-state",
        "152-windows-cse-pipes-inside-process-exit-1|WINDOWS_CSE_ERROR_CONTAINERD_NOT_INSTALLED|-|cse-status",
    })
    void plainText_issue14Category_answersCodeSubcategoryAndAFittingPlan(String paste, String code,
            String subcategory, String firstCheck) throws IOException {
        given().contentType(ContentType.TEXT).body(corpusPaste(paste)).post("/api/diagnoses").then().statusCode(200)
                .body("errorCode", equalTo(code))
                .body("subcategory", equalTo(subcategory))
                .body("plan[0]", equalTo(firstCheck));
    }

    @Test
    void plainText_curlVerbose_namesTheApiServerByFqdnAndIp() throws IOException {
        given().contentType(ContentType.TEXT).body(corpusPaste("147-curl-v-connected-to-fqdn-ssl-syscall"))
                .post("/api/diagnoses").then().statusCode(200)
                .body("apiServerIp", equalTo("20.73.12.44"))
                .body("apiServerFqdn", equalTo("aks-prod-dns-4f2a1b3c.hcp.westeurope.azmk8s.io"))
                .body("privateCluster", equalTo(false));
    }

    @Test
    void plainText_redactedSubscription_answersResourceGroupAndNameWithoutSubscription() throws IOException {
        given().contentType(ContentType.TEXT).body(corpusPaste("087-real-aks-create-obfuscated-resource-id"))
                .post("/api/diagnoses").then().statusCode(200)
                .body("cluster.resourceGroup", equalTo("dsK8S"))
                .body("cluster.name", equalTo("dsK8SCluster"))
                .body("cluster.subscriptionId", nullValue());
    }

    private static String corpusPaste(String name) throws IOException {
        try (InputStream in = DiagnosisResourceTest.class.getResourceAsStream("/pastes/" + name + ".txt")) {
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return all.substring(all.indexOf("### paste\n") + "### paste\n".length());
        }
    }
}
