package dev.aksdoctor.azure;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;

/**
 * A fake Azure Resource Manager (and Entra ID token endpoint) on a dynamic local port.
 *
 * <p>Serves JSON per path (the query string, including {@code api-version}, is ignored), answers 404 with an
 * ARM error body for anything unknown, records every request, can add latency to every call, and can
 * queue one-off answers such as a 429 with {@code Retry-After} or a 403 {@code AuthorizationFailed}.
 * The production SDK pipeline reaches it through {@link RedirectingHttpClient}, so the URLs stay the
 * real {@code https://} ones and the bearer-token policy runs unchanged.
 *
 * <p>Use: {@code FakeArm arm = FakeArm.start(); arm.json("GET", path, body); … arm.close();} or, in a
 * {@code @QuarkusTest}, {@link FakeArmResource}.
 */
public final class FakeArm implements AutoCloseable {

    /** One request as the fake saw it. */
    public record Recorded(String method, String path, String query, String authorization, String body) {
    }

    private record Answer(int status, String body, Map<String, String> headers) {
    }

    public static final String TOKEN = "fake-arm-token";

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, Deque<Answer>> onceAnswers = new ConcurrentHashMap<>();
    private final List<Recorded> requests = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile Duration latency = Duration.ZERO;
    private volatile Answer otherwise;
    private final java.util.Set<String> hanging = ConcurrentHashMap.newKeySet();
    private volatile java.util.concurrent.CountDownLatch released = new java.util.concurrent.CountDownLatch(1);

    private FakeArm(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static FakeArm start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService executor = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "fake-arm");
                t.setDaemon(true);
                return t;
            });
            FakeArm arm = new FakeArm(server, executor);
            server.createContext("/", arm::handle);
            server.setExecutor(executor);
            server.start();
            return arm;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake ARM", e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** Serves {@code body} with 200 for {@code method path} until changed. */
    public FakeArm json(String method, String path, String body) {
        return respond(method, path, 200, body, Map.of());
    }

    public FakeArm respond(String method, String path, int status, String body, Map<String, String> headers) {
        answers.put(key(method, path), new Answer(status, body, headers));
        return this;
    }

    /** Answers the next call to {@code method path} with this, then falls back to the standing answer. */
    public FakeArm once(String method, String path, int status, String body, Map<String, String> headers) {
        onceAnswers.computeIfAbsent(key(method, path), k -> new ArrayDeque<>())
                .add(new Answer(status, body, headers));
        return this;
    }

    /** ARM's throttling answer. */
    public FakeArm throttleOnce(String method, String path, int retryAfterSeconds) {
        return once(method, path, 429, error("TooManyRequests", "The request is being throttled."),
                Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
    }

    /** ARM's answer when the caller's role lacks {@code action} on the resource at {@code path}. */
    public FakeArm forbid(String method, String path, String action) {
        return respond(method, path, 403, error("AuthorizationFailed", "The client 'aks-doctor' with object id "
                + "'11111111-1111-1111-1111-111111111111' does not have authorization to perform action '" + action
                + "' over scope '" + path + "' or the scope is invalid. If access was recently granted, please "
                + "refresh your credentials."), Map.of());
    }

    /** Answers every ARM path without an answer of its own with this, instead of 404 ResourceNotFound. */
    public FakeArm otherwise(int status, String body) {
        this.otherwise = new Answer(status, body, Map.of());
        return this;
    }

    /**
     * Calls to {@code method path} are recorded and never answered until {@link #reset()} or {@link #close()}: an
     * ARM that accepted the connection and hangs.
     */
    public FakeArm hang(String method, String path) {
        hanging.add(key(method, path));
        return this;
    }

    public FakeArm latency(Duration latency) {
        this.latency = latency;
        return this;
    }

    public List<Recorded> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** ARM requests only: the token endpoint is not counted. */
    public List<Recorded> armRequests() {
        return requests().stream().filter(r -> r.path().toLowerCase(Locale.ROOT).startsWith("/subscriptions"))
                .toList();
    }

    public long count(String method, String path) {
        return requests().stream().filter(r -> r.method().equalsIgnoreCase(method) && r.path().equalsIgnoreCase(path))
                .count();
    }

    public void clearRequests() {
        requests.clear();
    }

    public void reset() {
        answers.clear();
        onceAnswers.clear();
        requests.clear();
        latency = Duration.ZERO;
        otherwise = null;
        hanging.clear();
        java.util.concurrent.CountDownLatch hung = released;
        released = new java.util.concurrent.CountDownLatch(1);
        hung.countDown();
    }

    public static String error(String code, String message) {
        return "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message.replace("\"", "'") + "\"}}";
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private static String key(String method, String path) {
        return method.toUpperCase(Locale.ROOT) + " " + path.toLowerCase(Locale.ROOT);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Recorded(method, path, exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders().getFirst("Authorization"), body));
            if (hanging.contains(key(method, path))) {
                java.util.concurrent.CountDownLatch hold = released;
                try {
                    hold.await(2, java.util.concurrent.TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            if (!latency.isZero()) {
                LockSupport.parkNanos(latency.toNanos());
            }
            Answer answer = answer(method, path);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("x-ms-request-id", "fake-" + requests.size());
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] bytes = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    private Answer answer(String method, String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith("/oauth2/v2.0/token") && !lower.startsWith("/metadata/")) {
            return new Answer(200, "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"ext_expires_in\":3600,"
                    + "\"access_token\":\"" + TOKEN + "\"}", Map.of());
        }
        if (lower.startsWith("/metadata/identity/")) {
            // A host without a managed identity: a 400 makes the credential chain give up at once instead of
            // retrying a 404 with back-off until its timeout (error as an object: the shape msal4j parses).
            return new Answer(400, "{\"error\":{\"code\":\"invalid_request\",\"message\":\"Identity not found\"}}",
                    Map.of());
        }
        if (lower.endsWith("/.well-known/openid-configuration")) {
            String tenantBase = "https://login.fake-arm.test" + path.substring(0, path.indexOf("/", 1));
            return new Answer(200, "{\"token_endpoint\":\"" + tenantBase + "/oauth2/v2.0/token\","
                    + "\"authorization_endpoint\":\"" + tenantBase + "/oauth2/v2.0/authorize\","
                    + "\"issuer\":\"" + tenantBase + "/v2.0\"}", Map.of());
        }
        Deque<Answer> queue = onceAnswers.get(key(method, path));
        if (queue != null) {
            Answer next;
            synchronized (queue) {
                next = queue.poll();
            }
            if (next != null) {
                return next;
            }
        }
        Answer a = answers.get(key(method, path));
        if (a != null) {
            return a;
        }
        Answer fallback = otherwise;
        if (fallback != null) {
            return fallback;
        }
        return new Answer(404, error("ResourceNotFound", "The Resource '" + path + "' was not found."), Map.of());
    }
}
