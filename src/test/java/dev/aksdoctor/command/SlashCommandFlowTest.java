package dev.aksdoctor.command;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aksdoctor.channel.ChannelSettings;
import dev.aksdoctor.diagnosis.ClusterRef;
import dev.aksdoctor.digest.DigestStore;
import dev.aksdoctor.investigation.Investigation;
import dev.aksdoctor.investigation.InvestigationStatus;
import dev.aksdoctor.testing.FakeSlackApi;
import dev.aksdoctor.testing.FakeSlackResource;
import dev.aksdoctor.testing.InjectFakeSlack;
import dev.aksdoctor.testing.SlackRequests;
import dev.aksdoctor.testing.SlackSigner;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(FakeSlackResource.class)
class SlashCommandFlowTest {

    static final String PASTE = "Code=\"VMExtensionError_K8SAPIServerConnFail\" Message=\"Agent pool aks-nodepool1-12345678 "
            + "failed: Enable failed: failed to execute command: command terminated with exit status=51 "
            + "Node 10.0.2.10 could not reach API server at 98.67.228.23:443. Connection timed out. "
            + "sig=Zm9vYmFyMTIzNDU2Nzg5MA%3D%3D password=hunter2secret\"";

    @InjectFakeSlack
    FakeSlackApi slack;

    @Inject
    ChannelSettings settings;

    @Inject
    DigestStore digests;

    @BeforeEach
    void reset() {
        FlowReset.awaitingInvestigations(Duration.ofSeconds(20)).inChannel("C111").slack(slack).run();
    }

    @Test
    void help_signed_answersUsageEphemerallyWithoutPosting() {
        SlackRequests.postSignedForm(SlackRequests.slashCommandForm("help", slack.responseUrl("1")))
                .then().statusCode(200)
                .body("response_type", equalTo("ephemeral"))
                .body("blocks[0].text.text", containsString("Paste an AKS error"));
        assertTrue(slack.calls("chat.postMessage").isEmpty());
        assertEquals(0, rows());
    }

    @Test
    void emptyText_signed_answersUsage() {
        SlackRequests.postSignedForm(SlackRequests.slashCommandForm("   ", slack.responseUrl("1")))
                .then().statusCode(200).body("response_type", equalTo("ephemeral"))
                .body("blocks[0].text.text", containsString("/aks-doctor help"));
        assertEquals(0, rows());
    }

    @Test
    void status_signed_showsQueueHealthDefaultClusterAndWatches_onlyToTheAsker() {
        String clusterId = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-prod/providers/"
                + "Microsoft.ContainerService/managedClusters/aks-prod";
        settings.setDefault("C111", ClusterRef.findResourceId(clusterId).orElseThrow(), "W111");
        digests.watch("C111", clusterId.toLowerCase(), "W111");
        try {
            SlackRequests.postSignedForm(SlackRequests.slashCommandForm("status", slack.responseUrl("1")))
                    .then().statusCode(200)
                    .body("response_type", equalTo("ephemeral"))
                    .body("blocks[0].text.text", containsString("*Investigations:* 0 queued, 0 running"))
                    .body("blocks[1].text.text", allOf(containsString("*Azure*"), containsString("*Slack*"),
                            containsString("signing secret and bot token set")))
                    .body("blocks[2].text.text", allOf(containsString("Default cluster: `rg-prod/aks-prod`"),
                            containsString("Watches 1 cluster"), containsString(clusterId.toLowerCase())));
            assertTrue(slack.calls("chat.postMessage").isEmpty());
            assertEquals(0, rows());
        } finally {
            settings.setDefault("C111", null, "W111");
            digests.unwatch("C111", clusterId.toLowerCase());
        }
    }

    @Test
    void unknownSubCommand_signed_answersUsageWithHint() {
        SlackRequests.postSignedForm(SlackRequests.slashCommandForm("frobnicate", slack.responseUrl("1")))
                .then().statusCode(200)
                .body("blocks[0].text.text", containsString("I don't know the sub-command `frobnicate`"));
        assertEquals(0, rows());
    }

    @Test
    void pastedError_signed_acksThenAnswersInAThread() {
        SlackRequests.postSignedForm(SlackRequests.slashCommandForm(PASTE, slack.responseUrl("1")))
                .then().statusCode(200)
                .body("response_type", equalTo("ephemeral"))
                .body("text", containsString("Investigating"));

        await().atMost(Duration.ofSeconds(20)).until(() -> slack.calls("chat.update").stream()
                .anyMatch(u -> u.param("blocks").contains("Azure checks were skipped")));
        List<FakeSlackApi.Call> posts = slack.calls("chat.postMessage");
        assertEquals(2, posts.size(), "a root message and the answer message in its thread");
        FakeSlackApi.Call root = posts.get(0);
        FakeSlackApi.Call answer = posts.get(1);
        assertEquals("C111", root.param("channel"));
        assertNull(root.param("thread_ts"), "the root message anchors a new thread");
        assertTrue(root.param("text").contains("<@W111>"), "the root message names who asked");
        assertTrue(root.param("text").contains("VMExtensionError_K8SAPIServerConnFail"), root.param("text"));
        assertEquals("C111", answer.param("channel"));
        assertFalse(answer.param("thread_ts") == null || answer.param("thread_ts").isBlank());
        assertTrue(answer.param("blocks").contains("VMExtensionError_K8SAPIServerConnFail"), answer.param("blocks"));
        assertTrue(answer.param("blocks").contains("checks queued"), "the answer starts as investigating");

        FakeSlackApi.Call last = slack.last("chat.update").orElseThrow();
        assertEquals("C111", last.param("channel"));
        assertTrue(last.param("blocks").contains("Azure checks were skipped"), "the final form is the last update");
        assertTrue(last.param("blocks").contains("98.67.228.23"), "the extracted API server address is shown");
        assertTrue(last.param("blocks").contains("Azure access is turned off (AKS_DOCTOR_AZURE_ENABLED"),
                () -> "says exactly what is missing: " + last.param("blocks"));
        slack.calls("chat.update").forEach(u -> assertEquals(last.param("ts"), u.param("ts"),
                "every update edits the one answer message"));

        Investigation stored = awaitAnswered();
        assertEquals("W111", stored.requester);
        assertEquals("C111", stored.channel);
        assertEquals(answer.param("thread_ts"), stored.threadTs);
        assertEquals(last.param("ts"), stored.answerTs, "the answer is an update of the message in the thread");
        assertTrue(stored.answeredAt != null);
        assertFalse(stored.textRedacted.contains("hunter2secret"), "passwords are redacted before storage");
        assertFalse(stored.textRedacted.contains("Zm9vYmFyMTIzNDU2Nzg5MA"), "SAS signatures are redacted");
        assertTrue(stored.textRedacted.contains("VMExtensionError_K8SAPIServerConnFail"));
        assertTrue(slack.last("chat.postMessage").orElseThrow().param("_authorization").contains(FakeSlackResource.BOT_TOKEN));
    }

    @Test
    void kubectlWithoutKubeconfig_signed_answersTheClientSideCauseWithoutAzureChecks() {
        SlackRequests.postSignedForm(SlackRequests.slashCommandForm("The connection to the server localhost:8080 was "
                + "refused - did you specify the right host or port?", slack.responseUrl("1")))
                .then().statusCode(200).body("text", containsString("Investigating"));

        Investigation stored = awaitAnswered();
        assertEquals("KubeconfigNotSet", stored.errorCode);
        String blocks = slack.last("chat.update").orElseThrow().param("blocks");
        assertTrue(blocks.contains("Likely cause — kubectl is not pointed at an AKS cluster"), blocks);
        assertTrue(blocks.contains("kubectl config current-context"), blocks);
        assertFalse(blocks.contains("Azure checks were skipped"), "no Azure check was planned: " + blocks);
    }

    @Test
    void kubectlUnauthorized_signed_answersTheCredentialsCauseWithoutAzureChecks() {
        SlackRequests.postSignedForm(SlackRequests.slashCommandForm("$ kubectl get pods\nerror: You must be logged in "
                + "to the server (Unauthorized)", slack.responseUrl("1")))
                .then().statusCode(200).body("text", containsString("Investigating"));

        Investigation stored = awaitAnswered();
        assertEquals("KubectlUnauthorized", stored.errorCode);
        String blocks = slack.last("chat.update").orElseThrow().param("blocks");
        assertTrue(blocks.contains("Likely cause — the API server rejected kubectl"), blocks);
        assertTrue(blocks.contains("kubelogin convert-kubeconfig -l azurecli"), blocks);
        assertTrue(blocks.contains("No Azure checks ran"), blocks);
        assertFalse(blocks.contains("Azure checks were skipped"), "no Azure check was planned: " + blocks);
    }

    @Test
    void portForwardRefusedInThePod_signed_answersThePodNotTheCluster() {
        SlackRequests.postSignedForm(SlackRequests.slashCommandForm("E1111 09:00:00.000000 1 portforward.go:400] an "
                + "error occurred forwarding 8080 -> 80: error forwarding port 80 to pod 1a2b, uid : exit status 1: "
                + "socat[1] E connect(5, AF=2 127.0.0.1:80, 16): Connection refused", slack.responseUrl("1")))
                .then().statusCode(200).body("text", containsString("Investigating"));

        Investigation stored = awaitAnswered();
        assertEquals("PortForwardToPodFailed", stored.errorCode);
        String blocks = slack.last("chat.update").orElseThrow().param("blocks");
        assertTrue(blocks.contains("Likely cause — nothing in the pod answers on the forwarded port"), blocks);
        assertTrue(blocks.contains("kubectl logs"), blocks);
        assertFalse(blocks.contains("Azure checks were skipped"), "no Azure check was planned: " + blocks);
    }

    @Test
    void unrecognisedPaste_signed_ephemeralHintNoChannelMessageNoInvestigation() {
        SlackRequests.postSignedForm(SlackRequests.slashCommandForm("the deploy pipeline is red again, any idea?",
                slack.responseUrl("1")))
                .then().statusCode(200)
                .body("response_type", equalTo("ephemeral"))
                .body("text", containsString("I don't recognise this as an AKS error — paste the error text, or name "
                        + "the cluster"));
        assertTrue(slack.calls("chat.postMessage").isEmpty(), "no root message in the channel");
        assertEquals(0, rows(), "no investigation, so no \"0 of 0 checks done\"");
    }

    @Test
    void nonAsciiPaste_signed_verifiesAndIsAnswered() {
        String body = SlackRequests.slashCommandForm("Knoten • aks-nodepool1-12345678-vmss000004 — exit status=51 ✓",
                slack.responseUrl("1"));
        SlackRequests.postSignedForm(body).then().statusCode(200).body("text", containsString("Investigating"));
        await().atMost(Duration.ofSeconds(20)).until(() -> slack.calls("chat.update").stream()
                .anyMatch(u -> u.param("blocks").contains("Azure checks were skipped")));
    }

    @Test
    void unsigned_refusedWith401_noSlackCallNoRow() {
        SlackRequests.raw().contentType(ContentType.URLENC)
                .body(SlackRequests.slashCommandForm(PASTE, slack.responseUrl("1")))
                .post("/slack/events").then().statusCode(401);
        assertNothingHappened();
    }

    @Test
    void wrongSignature_refusedWith401_noSlackCallNoRow() {
        String body = SlackRequests.slashCommandForm(PASTE, slack.responseUrl("1"));
        SlackSigner.Signed signed = new SlackSigner("not-the-secret").signNow(body);
        SlackRequests.raw().contentType(ContentType.URLENC)
                .header("X-Slack-Request-Timestamp", signed.timestamp())
                .header("X-Slack-Signature", signed.signature())
                .body(body).post("/slack/events").then().statusCode(401);
        assertNothingHappened();
    }

    @Test
    void sixMinutesOld_refusedWith401_noSlackCallNoRow() {
        SlackRequests.postSigned(SlackRequests.slashCommandForm(PASTE, slack.responseUrl("1")), ContentType.URLENC,
                Instant.now().minus(Duration.ofMinutes(6))).then().statusCode(401);
        assertNothingHappened();
    }

    @Test
    void tenMinutesInTheFuture_refusedWith401_noSlackCallNoRow() {
        SlackRequests.postSigned(SlackRequests.slashCommandForm(PASTE, slack.responseUrl("1")), ContentType.URLENC,
                Instant.now().plus(Duration.ofMinutes(10))).then().statusCode(401);
        assertNothingHappened();
    }

    @Test
    void bodyTamperedAfterSigning_refusedWith401() {
        String body = SlackRequests.slashCommandForm("help", slack.responseUrl("1"));
        SlackSigner.Signed signed = SlackRequests.SIGNER.signNow(body);
        SlackRequests.raw().contentType(ContentType.URLENC)
                .header("X-Slack-Request-Timestamp", signed.timestamp())
                .header("X-Slack-Signature", signed.signature())
                .body(body.replace("help", "halp")).post("/slack/events").then().statusCode(401);
        assertNothingHappened();
    }

    @Test
    void formWithoutCommand_signed_isA4xxNot500_andItsTextIsNotLogged() {
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getLoggerName() + ": " + new SimpleFormatter().formatMessage(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(capture);
        try {
            int status = SlackRequests.postSignedForm("token=x&team_id=T111&user_id=W111&text=password%3Dhunter2secret")
                    .then().extract().statusCode();
            assertTrue(status >= 400 && status < 500, "status " + status);
        } finally {
            root.removeHandler(capture);
        }
        assertNothingHappened();
        assertTrue(logged.stream().anyMatch(l -> l.contains("Refused a signed Slack request")), logged::toString);
        assertTrue(logged.stream().noneMatch(l -> l.contains("hunter2secret")), logged::toString);
    }

    @Test
    void unreadableBody_signed_isA4xxNot500() {
        // "100%" and "%G1" are not URL encoding, and an interactive payload must be JSON; Bolt's parser throws.
        for (String form : List.of("command=%2Faks-doctor&text=disk%20at%20100%", "command=%2Faks-doctor&text=exit%G1",
                "payload=%7B%22type%22%3A%22block_actions%22", "payload=not%20json%7D")) {
            int status = SlackRequests.postSignedForm("token=x&team_id=T111&user_id=W111&channel_id=C111&" + form)
                    .then().extract().statusCode();
            assertTrue(status >= 400 && status < 500, "status " + status + " for " + form);
        }
        assertNothingHappened();
    }

    @Test
    void jsonWhereAFormIsExpected_signed_isA4xxNot500() {
        int status = SlackRequests.postSigned("{\"command\":\"/aks-doctor\",\"text\":\"help\"}", ContentType.JSON,
                Instant.now()).then().extract().statusCode();
        assertTrue(status >= 400 && status < 500, "status " + status);
        assertNothingHappened();
    }

    @Test
    void oneMegabyteBody_signed_isRefusedWithA4xx() {
        String body = SlackRequests.slashCommandForm("x".repeat(1024 * 1024), slack.responseUrl("1"));
        int status = SlackRequests.postSignedForm(body).then().extract().statusCode();
        assertEquals(413, status);
        assertNothingHappened();
    }

    @Test
    void invalidUtf8Bytes_signed_stillAnsweredWithoutError() {
        byte[] prefix = SlackRequests.slashCommandForm("exit status=51 ", slack.responseUrl("1")).getBytes(StandardCharsets.UTF_8);
        // Raw invalid UTF-8 appended to the form (Slack never sends this, a hostile caller might).
        byte[] junk = {'%', 'F', 'F', (byte) 0xC3, (byte) 0x28, (byte) 0xFF};
        byte[] body = new byte[prefix.length + junk.length];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        System.arraycopy(junk, 0, body, prefix.length, junk.length);
        String asSigned = new String(body, StandardCharsets.ISO_8859_1);
        SlackSigner.Signed signed = SlackRequests.SIGNER.signNow(new String(body, StandardCharsets.UTF_8));
        int status = SlackRequests.raw().contentType(ContentType.URLENC)
                .header("X-Slack-Request-Timestamp", signed.timestamp())
                .header("X-Slack-Signature", signed.signature())
                .body(body).post("/slack/events").then().extract().statusCode();
        assertTrue(status < 500, "status " + status + " for " + asSigned.length() + " bytes");
    }

    @Test
    void slackAnswersNotInChannel_userIsToldToInviteTheBot() {
        slack.failNext("chat.postMessage", "not_in_channel");
        SlackRequests.postSignedForm(SlackRequests.slashCommandForm(PASTE, slack.responseUrl("42")))
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> !slack.calls("response_url").isEmpty());
        assertTrue(slack.calls("response_url").get(0).rawBody().contains("/invite"));
        await().atMost(Duration.ofSeconds(5)).until(() -> statusOfOnlyRow() == InvestigationStatus.FAILED);
    }

    @Test
    void slackRateLimitsOnce_answerStillArrives() {
        slack.failNext("chat.postMessage", "ratelimited");
        SlackRequests.postSignedForm(SlackRequests.slashCommandForm(PASTE, slack.responseUrl("1")))
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> slack.calls("chat.update").stream()
                .anyMatch(u -> u.param("blocks").contains("Azure checks were skipped")));
        assertEquals(3, slack.calls("chat.postMessage").size(), "root, a retry after ratelimited, the answer message");
        awaitAnswered();
    }

    private void assertNothingHappened() {
        assertTrue(slack.callsBesidesAuth().isEmpty(), () -> "unexpected Slack calls: " + slack.callsBesidesAuth());
        assertEquals(0, rows());
    }

    private static long rows() {
        return QuarkusTransaction.requiringNew().call(() -> Investigation.count());
    }

    private static InvestigationStatus statusOfOnlyRow() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Investigation> all = Investigation.listAll();
            return all.size() == 1 ? all.get(0).status : null;
        });
    }

    /** Answered and delivered: the status is claimed before the final update is sent, the delivery after. */
    private static Investigation awaitAnswered() {
        await().atMost(Duration.ofSeconds(10)).until(() -> statusOfOnlyRow() == InvestigationStatus.ANSWERED
                && QuarkusTransaction.requiringNew().call(() -> Investigation.<Investigation>listAll().get(0).answeredAt) != null);
        return QuarkusTransaction.requiringNew().call(() -> Investigation.<Investigation>listAll().get(0));
    }
}
