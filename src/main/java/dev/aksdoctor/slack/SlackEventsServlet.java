package dev.aksdoctor.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The Slack entry point. Reads the body once as bytes, verifies the v0 signature over those bytes, then
 * hands the request to Bolt. Bolt's stock servlet re-joins body lines with the platform separator and
 * decodes in the container's charset, either of which can break a valid signature.
 */
@WebServlet(urlPatterns = "/slack/events")
public class SlackEventsServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(SlackEventsServlet.class);
    /** Slack sends at most a few hundred KB (a 40,000-character message, form-encoded, is well below). */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private final SlackBolt bolt;
    private final Clock clock;
    private final SlackMetrics metrics;
    private final AckPriority ackPriority;
    private final SlackAdmission admission;

    public SlackEventsServlet(SlackBolt bolt, Clock clock, SlackMetrics metrics, AckPriority ackPriority,
            SlackAdmission admission) {
        this.bolt = bolt;
        this.clock = clock;
        this.metrics = metrics;
        this.ackPriority = ackPriority;
        this.admission = admission;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        ackPriority.ackStarted();
        try {
            handle(req, resp);
        } finally {
            ackPriority.ackFinished();
        }
    }

    private void handle(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        long started = System.nanoTime();
        if (bolt.app().isEmpty()) {
            write(resp, 503, "Slack is not configured on this AKS Doctor: set SLACK_SIGNING_SECRET and "
                    + "SLACK_BOT_TOKEN (or SLACK_APP_TOKEN and SLACK_BOT_TOKEN for Socket Mode), then restart.");
            return;
        }
        if (bolt.verifier().isEmpty()) {
            // Socket Mode alone: without a signing secret nothing here could tell Slack from anyone else.
            write(resp, 404, "This AKS Doctor receives Slack over Socket Mode (SLACK_APP_TOKEN), not on /slack/events. "
                    + "Set SLACK_SIGNING_SECRET as well to accept Slack's HTTP requests here too.");
            return;
        }
        byte[] body;
        try {
            body = readBody(req);
        } catch (IOException e) {
            // RequestLimits closed a connection whose body was too slow, and has answered it.
            LOG.debugf("Gave up reading a Slack request body: %s", e.getClass().getSimpleName());
            return;
        }
        if (body == null) {
            write(resp, 413, "Request body too large: Slack requests are at most 1 MB; send the request as Slack "
                    + "does.");
            return;
        }
        SlackRequestVerifier.Result verdict = bolt.verifier().orElseThrow().verify(
                req.getHeader("X-Slack-Request-Timestamp"), req.getHeader("X-Slack-Signature"), body,
                clock.instant());
        if (verdict != SlackRequestVerifier.Result.VALID) {
            metrics.rejected(verdict);
            LOG.debugf("Refused a Slack request: %s", verdict);
            write(resp, 401, "Invalid request signature or timestamp: sign the exact body with the app's signing "
                    + "secret (X-Slack-Signature: v0=…) and send X-Slack-Request-Timestamp within 5 minutes of now.");
            return;
        }
        App app = bolt.app().orElseThrow();
        Request<?> slackReq;
        try {
            slackReq = bolt.parser().orElseThrow().parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(req.getRequestURI())
                    .queryString(QueryStringParser.toMap(req.getQueryString()))
                    .headers(new RequestHeaders(headers(req)))
                    .requestBody(new String(body, StandardCharsets.UTF_8))
                    .remoteAddress(req.getRemoteAddr())
                    .build());
        } catch (RuntimeException e) {
            // Signed, but not a body Bolt can read ("100%" is not URL encoding, a payload that is not JSON):
            // the sender's mistake, answered as one.
            // Only the exception's type: URLDecoder and Gson quote fragments of the body in their messages.
            LOG.warnf("Refused a signed Slack request whose body could not be read (%s)", e.getClass().getSimpleName());
            write(resp, 400, "Malformed Slack request body: send a form-encoded slash command, payload=<JSON> for "
                    + "an interaction, or an Events API JSON callback.");
            return;
        }
        if (slackReq == null) {
            LOG.warnf("Refused a signed Slack request of no kind Bolt knows (%d bytes, content type %s)", body.length,
                    req.getContentType());
            write(resp, 400, "Unrecognised Slack request: send a slash command, an interaction payload or an "
                    + "Events API callback as Slack does.");
            return;
        }
        Optional<Response> refused = admission.refusal(slackReq, req.getHeader("X-Slack-Signature"));
        Response slackResp;
        try {
            slackResp = refused.isPresent() ? refused.get() : app.run(slackReq);
        } catch (Exception e) {
            // Bolt throws when its listeners do or when auth.test fails at first use; Slack gets a clean
            // answer and the operator the cause, without the payload.
            LOG.errorf("Slack request failed: %s", e.toString());
            slackResp = Response.builder().statusCode(500).contentType("text/plain; charset=utf-8")
                    .body("AKS Doctor could not handle this request; the error is logged.").build();
        }
        resp.setStatus(slackResp.getStatusCode());
        for (Map.Entry<String, List<String>> header : slackResp.getHeaders().entrySet()) {
            header.getValue().forEach(v -> resp.addHeader(header.getKey(), v));
        }
        resp.setCharacterEncoding("UTF-8");
        resp.setContentType(slackResp.getContentType());
        if (slackResp.getBody() != null) {
            resp.getOutputStream().write(slackResp.getBody().getBytes(StandardCharsets.UTF_8));
        }
        metrics.recordAck(System.nanoTime() - started);
    }

    private static byte[] readBody(HttpServletRequest req) throws IOException {
        long declared = req.getContentLengthLong();
        if (declared > MAX_BODY_BYTES) {
            return null;
        }
        try (InputStream in = req.getInputStream()) {
            // With a declared length, stop at it rather than waiting for the end-of-stream signal.
            byte[] bytes = in.readNBytes(declared >= 0 ? (int) declared : MAX_BODY_BYTES + 1);
            return bytes.length > MAX_BODY_BYTES ? null : bytes;
        }
    }

    private static Map<String, List<String>> headers(HttpServletRequest req) {
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : Collections.list(req.getHeaderNames())) {
            headers.put(name, Collections.list(req.getHeaders(name)));
        }
        return headers;
    }

    private static void write(HttpServletResponse resp, int status, String message) throws IOException {
        resp.setStatus(status);
        resp.setCharacterEncoding("UTF-8");
        resp.setContentType("text/plain; charset=utf-8");
        resp.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
    }
}
