package dev.aksdoctor.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aksdoctor.testing.FakeSlackResource;
import dev.aksdoctor.testing.SlackRequests;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 15 item 8: a body that trickles in is cut off (408, connection closed) instead of holding a thread;
 * every 4xx from /api/diagnoses and /slack/events says what to send.
 */
@QuarkusTest
@TestProfile(TrustProfile.class)
@WithTestResource(FakeSlackResource.class)
class BadRequestsTest {

    /** TrustProfile's aks-doctor.http.request-deadline. */
    static final Duration DEADLINE = Duration.ofSeconds(4);

    @ParameterizedTest
    @ValueSource(strings = {"[]", "{\"text\": 5}", "{\"text\": null}", "{\"text\": [\"a\"]}", "{}", "\"text\"",
            "{\"text\": \"unterminated"})
    void apiJson_notAnObjectWithStringText_is400SayingWhatToSend(String body) {
        given().contentType(ContentType.JSON).body(body).post("/api/diagnoses")
                .then().statusCode(400).contentType(ContentType.JSON)
                .body("error", equalTo("bad_request"))
                .body("message", containsString("{\"text\""));
    }

    @Test
    void apiThreeMegabytes_is413SayingWhatToSend() {
        given().contentType(ContentType.TEXT).body("x".repeat(3 * 1024 * 1024)).post("/api/diagnoses")
                .then().statusCode(413).body(containsString("send the part of the paste with the error"));
    }

    @Test
    void slackThreeMegabytes_is413WithAMessage() {
        SlackRequests.postSignedForm("text=" + "x".repeat(3 * 1024 * 1024))
                .then().statusCode(413).body(containsString("send"));
    }

    @Test
    void slackUnsigned_is401SayingHowToSign() {
        SlackRequests.raw().contentType(ContentType.URLENC).body("command=%2Faks-doctor&text=help").post("/slack/events")
                .then().statusCode(401).body(containsString("X-Slack-Signature"));
    }

    @Test
    void slackSignedButUnreadable_is400SayingWhatToSend() {
        SlackRequests.postSignedForm("token=x&team_id=T111&user_id=W111&channel_id=C111&payload=not%20json%7D")
                .then().statusCode(400).body(containsString("payload=<JSON>"));
        SlackRequests.postSigned("{\"type\":\"nothing_slack_sends\"}", ContentType.JSON, Instant.now())
                .then().statusCode(400).body(containsString("send"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/diagnoses", "/slack/events"})
    void bodyAtOneBytePerHalfSecond_cutOffNearTheDeadline(String path) throws IOException {
        int declared = 200;
        ScheduledExecutorService drip = Executors.newSingleThreadScheduledExecutor();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), RestAssured.port)) {
            socket.setSoTimeout((int) DEADLINE.multipliedBy(4).toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
                    + "Content-Length: " + declared + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long started = System.nanoTime();
            drip.scheduleAtFixedRate(() -> {
                try {
                    out.write('x');
                    out.flush();
                } catch (IOException closed) {
                    throw new IllegalStateException(closed);
                }
            }, 0, 500, TimeUnit.MILLISECONDS);

            String answer = readUntilClosed(socket.getInputStream());
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
            assertTrue(answer.contains("send the whole body at once"), answer);
            assertTrue(took.compareTo(DEADLINE.plusSeconds(3)) < 0, "cut off after " + took);
            assertTrue(took.compareTo(DEADLINE.minusSeconds(1)) > 0, "not before the deadline: " + took);
        } finally {
            drip.shutdownNow();
        }
    }

    @Test
    void bodyThatArrivesInTime_answeredNormally() {
        given().contentType(ContentType.TEXT).body("exit status=51").post("/api/diagnoses").then().statusCode(200);
    }

    private static String readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                read.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            assertFalse(true, "the server neither answered nor closed: " + read.toString(StandardCharsets.UTF_8));
        } catch (IOException reset) {
            // a reset after the answer is a close too
        }
        assertEquals(false, read.size() == 0, "no answer before the connection closed");
        return read.toString(StandardCharsets.UTF_8);
    }
}
