package dev.aksdoctor.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A local stand-in for Slack's Socket Mode endpoint ({@code wss://wss-primary.slack.com/link/?ticket=…}) on a
 * dynamic loopback port. {@link FakeSlackApi}'s apps.connections.open hands out {@link #issueUrl()}; only a
 * ticket issued that way is let in, as on Slack. A new connection is greeted with {@code hello}; envelopes are
 * sent in Slack's shape ({@code envelope_id}, {@code type}, {@code payload}, {@code accepts_response_payload})
 * and every acknowledgement the client sends back is recorded by envelope id.
 */
public final class FakeSocketModeServer implements AutoCloseable {

    /** One acknowledgement: {@code {"envelope_id":…}} and the optional {@code payload}. */
    public record Ack(String envelopeId, Optional<JsonNode> payload, String raw) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Server server;
    private final CountDownLatch started = new CountDownLatch(1);
    private final Set<String> tickets = ConcurrentHashMap.newKeySet();
    private final List<WebSocket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final Map<String, Ack> acks = new ConcurrentHashMap<>();
    private final List<String> unexpected = new CopyOnWriteArrayList<>();
    private final List<Integer> closeCodes = new CopyOnWriteArrayList<>();

    public FakeSocketModeServer() {
        server = new Server(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        server.setReuseAddr(true);
        server.setDaemon(true);
        server.start();
        try {
            if (!started.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the fake Socket Mode server did not start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A one-off URL, as apps.connections.open returns: {@code ws://127.0.0.1:<port>/link/?ticket=<uuid>}. */
    public String issueUrl() {
        String ticket = UUID.randomUUID().toString();
        tickets.add(ticket);
        return "ws://127.0.0.1:" + server.getPort() + "/link/?ticket=" + ticket + "&app_id=A111";
    }

    /** Connections accepted since start, reconnections included. */
    public int connectionsOpened() {
        return opened.get();
    }

    /** Connections refused for a ticket this server never issued. */
    public int connectionsRefused() {
        return refused.get();
    }

    public boolean connected() {
        return open.stream().anyMatch(WebSocket::isOpen);
    }

    /** The close code of every connection that ended, in order (1000: the client said goodbye). */
    public List<Integer> closeCodes() {
        return List.copyOf(closeCodes);
    }

    /** Messages from the client that were not acknowledgements. */
    public List<String> unexpectedMessages() {
        return List.copyOf(unexpected);
    }

    /** Sends an envelope on the newest connection, as Slack would; returns its envelope id. */
    public String send(String type, JsonNode payload, boolean acceptsResponsePayload) {
        return send(type, payload, acceptsResponsePayload, null);
    }

    /** An Events API envelope Slack is re-delivering ({@code retry_attempt} ≥ 1). */
    public String send(String type, JsonNode payload, boolean acceptsResponsePayload, Integer retryAttempt) {
        String envelopeId = UUID.randomUUID().toString();
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("envelope_id", envelopeId);
        envelope.set("payload", payload);
        envelope.put("type", type);
        envelope.put("accepts_response_payload", acceptsResponsePayload);
        if (retryAttempt != null) {
            envelope.put("retry_attempt", retryAttempt).put("retry_reason", retryAttempt > 0 ? "timeout" : "");
        }
        newest().send(envelope.toString());
        return envelopeId;
    }

    public Optional<Ack> ack(String envelopeId) {
        return Optional.ofNullable(acks.get(envelopeId));
    }

    /** Waits for the acknowledgement of {@code envelopeId}; fails the test when none comes. */
    public Ack awaitAck(String envelopeId, Duration atMost) {
        Awaitility.await("acknowledgement of envelope " + envelopeId).atMost(atMost).pollInterval(Duration.ofMillis(10))
                .until(() -> acks.containsKey(envelopeId));
        return acks.get(envelopeId);
    }

    /** Cuts every connection without a closing handshake, as a network drop or a Slack restart would. */
    public void dropConnections() {
        open.forEach(c -> c.closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped"));
    }

    /** Slack's notice that this connection will be refreshed: the client is expected to open a new one. */
    public void askToReconnect() {
        newest().send("{\"type\":\"disconnect\",\"reason\":\"refresh_requested\",\"debug_info\":{\"host\":\"applink-fake\"}}");
    }

    public void resetAcks() {
        acks.clear();
        unexpected.clear();
    }

    private WebSocket newest() {
        for (int i = open.size() - 1; i >= 0; i--) {
            if (open.get(i).isOpen()) {
                return open.get(i);
            }
        }
        throw new IllegalStateException("no client is connected to the fake Socket Mode server");
    }

    @Override
    public void close() {
        try {
            server.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Server extends WebSocketServer {

        Server(InetSocketAddress address) {
            super(address);
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            String resource = handshake.getResourceDescriptor();
            int at = resource.indexOf("ticket=");
            String ticket = at < 0 ? "" : resource.substring(at + "ticket=".length()).replaceAll("&.*", "");
            if (!resource.startsWith("/link/") || !tickets.remove(ticket)) {
                refused.incrementAndGet();
                conn.close(CloseFrame.POLICY_VALIDATION, "invalid ticket");
                return;
            }
            opened.incrementAndGet();
            open.add(conn);
            conn.send("{\"type\":\"hello\",\"num_connections\":" + open.size() + ",\"debug_info\":{\"host\":"
                    + "\"applink-fake\",\"build_number\":1,\"approximate_connection_time\":18060},"
                    + "\"connection_info\":{\"app_id\":\"A111\"}}");
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            if (open.remove(conn)) {
                closeCodes.add(code);
            }
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            try {
                JsonNode json = JSON.readTree(message);
                JsonNode id = json.get("envelope_id");
                if (id == null || !id.isTextual()) {
                    unexpected.add(message);
                    return;
                }
                acks.put(id.asText(), new Ack(id.asText(), Optional.ofNullable(json.get("payload")), message));
            } catch (IOException e) {
                unexpected.add(message);
            }
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
            if (conn == null) {
                throw new UncheckedIOException(new IOException("fake Socket Mode server failed", ex));
            }
        }
    }
}
