package dev.aksdoctor.bench;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The ack benchmark's baseline: Bolt with its own request verification, on the JDK HTTP server, whose
 * handler only acks. It runs in a JVM of its own, as AKS Doctor does, so neither shares a heap, a JIT or
 * a garbage collector with the load generator. Prints its port on the first line of standard output.
 *
 * <p>Arguments: signing secret, Slack API URL.
 */
public final class BareBoltApp {

    private BareBoltApp() {
    }

    public static void main(String[] args) throws IOException {
        // The JDK HTTP server writes headers and body separately; with Nagle on, the body waits for the
        // client's delayed ACK and every request takes ~40 ms whatever the app does.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        String secret = args[0];
        SlackConfig slackConfig = new SlackConfig();
        slackConfig.setMethodsEndpointUrlPrefix(args[1]);
        App app = new App(AppConfig.builder().signingSecret(secret).singleTeamBotToken("xoxb-bench-token")
                .slack(Slack.getInstance(slackConfig)).build());
        app.command("/aks-doctor", (req, ctx) -> ctx.ack(r -> r.responseType("ephemeral").text("Investigating…")));
        SlackRequestParser parser = new SlackRequestParser(app.config());
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(200));
        server.createContext("/slack/events", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new HashMap<>(exchange.getRequestHeaders());
            try {
                Request<?> slackReq = parser.parse(SlackRequestParser.HttpRequest.builder()
                        .requestUri("/slack/events").headers(new RequestHeaders(headers)).requestBody(body)
                        .remoteAddress("127.0.0.1").build());
                Response resp = app.run(slackReq);
                byte[] out = resp.getBody() == null ? new byte[0] : resp.getBody().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", resp.getContentType());
                exchange.sendResponseHeaders(resp.getStatusCode(), out.length == 0 ? -1 : out.length);
                exchange.getResponseBody().write(out);
            } catch (Exception e) {
                exchange.sendResponseHeaders(500, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
        System.out.println(server.getAddress().getPort());
        System.out.flush();
    }
}
