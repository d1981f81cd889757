package dev.aksdoctor.testing;

import static io.restassured.RestAssured.given;

import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/** Builds and posts signed Slack requests to /slack/events, as Slack would send them. */
public final class SlackRequests {

    public static final SlackSigner SIGNER = new SlackSigner(FakeSlackResource.SIGNING_SECRET);

    /** Sends form bodies byte for byte: the signature covers the exact bytes, so nothing may re-encode them. */
    public static final RestAssuredConfig RAW_BODIES = RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
            .encodeContentTypeAs("application/x-www-form-urlencoded", ContentType.TEXT)
            .appendDefaultContentCharsetToContentTypeIfUndefined(false));

    /** A request specification that sends raw bytes; add headers and body. */
    public static RequestSpecification raw() {
        return given().config(RAW_BODIES);
    }

    /** slack_delivery outlives a Quarkus restart in the test JVM, so each class load starts from a fresh point. */
    private static final AtomicLong TRIGGERS = new AtomicLong(System.currentTimeMillis() * 1000);

    private SlackRequests() {
    }

    /** A slash command form shaped like shared/fixtures/slack/slash_command.txt. */
    public static String slashCommandForm(String text, String responseUrl) {
        return slashCommandForm(text, responseUrl, "W111", "C111");
    }

    /** As {@link #slashCommandForm(String, String)}, from another user in another channel. */
    public static String slashCommandForm(String text, String responseUrl, String userId, String channelId) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "verification_token");
        form.put("team_id", "T111");
        form.put("team_domain", "test-domain");
        form.put("channel_id", channelId);
        form.put("channel_name", "aks-oncall");
        form.put("user_id", userId);
        form.put("user_name", "primary-owner");
        form.put("command", "/aks-doctor");
        form.put("text", text);
        form.put("enterprise_id", "E111");
        form.put("enterprise_name", "Org Name");
        form.put("response_url", responseUrl);
        // Each invocation has its own trigger id: a repeated one is a replay, answered once (ReplayedSlashCommandTest).
        form.put("trigger_id", "111.111." + TRIGGERS.incrementAndGet());
        return encode(form);
    }

    public static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public static Response postSignedForm(String body) {
        return postSigned(body, ContentType.URLENC, Instant.now());
    }

    public static Response postSigned(String body, ContentType type, Instant at) {
        SlackSigner.Signed signed = SIGNER.sign(body, at);
        return given()
                .config(RAW_BODIES)
                .contentType(type.withCharset(StandardCharsets.UTF_8))
                .header("X-Slack-Request-Timestamp", signed.timestamp())
                .header("X-Slack-Signature", signed.signature())
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post("/slack/events");
    }
}
