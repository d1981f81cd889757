package dev.aksdoctor.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A local stand-in for Slack's Web API (https://slack.com/api/METHOD) on a dynamic loopback port. It
 * records every call with its parameters, answers the way Slack does (form or JSON bodies, {@code ok},
 * {@code ts}, {@code ratelimited} with Retry-After), and also receives response_url posts at
 * {@code /response/...}.
 */
public final class FakeSlackApi implements AutoCloseable {

    /** One recorded call: the Web API method (or "response_url") and its parameters. */
    public record Call(String method, Map<String, String> params, String rawBody) {
        public String param(String name) {
            return params.get(name);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<String>> scriptedErrors = new ConcurrentHashMap<>();
    private final Map<String, List<String>> userGroups = new ConcurrentHashMap<>();
    private final Map<String, String> threadRoots = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> stalls = new ConcurrentHashMap<>();
    private final List<Call> stalled = new CopyOnWriteArrayList<>();
    private final Map<String, java.time.Duration> delays = new ConcurrentHashMap<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicLong tsCounter = new AtomicLong(1_700_000_000_000_100L);
    private volatile Supplier<String> socketModeUrls;

    public FakeSlackApi() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/", this::handleApi);
        server.createContext("/response/", this::handleResponseUrl);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    public String responseUrl(String id) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/response/" + id;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).collect(Collectors.toList());
    }

    public Optional<Call> last(String method) {
        List<Call> matching = calls(method);
        return matching.isEmpty() ? Optional.empty() : Optional.of(matching.get(matching.size() - 1));
    }

    /** Calls other than the bot's token check. */
    public List<Call> callsBesidesAuth() {
        return calls.stream().filter(c -> !c.method().equals("auth.test")).collect(Collectors.toList());
    }

    public void reset() {
        calls.clear();
        scriptedErrors.clear();
        userGroups.clear();
        threadRoots.clear();
        stalls.clear();
        stalled.clear();
        delays.clear();
    }

    /** Every call of {@code method} takes this long to answer (a slow Slack); recorded when it arrives. */
    public void delay(String method, java.time.Duration delay) {
        delays.put(method, delay);
    }

    /** apps.connections.open answers a URL from {@code urls} (a {@link FakeSocketModeServer}'s); without it, an error. */
    public void socketModeUrls(Supplier<String> urls) {
        this.socketModeUrls = urls;
    }

    /** usergroups.users.list answers these members for {@code group}. */
    public void userGroup(String group, String... users) {
        userGroups.put(group, List.of(users));
    }

    /** conversations.replies for {@code channel}/{@code threadTs} answers a root message with this text. */
    public void threadRoot(String channel, String threadTs, String text) {
        threadRoots.put(channel + "/" + threadTs, text);
    }

    /**
     * The next calls of {@code method} answer these Slack errors in order (e.g. "ratelimited", "not_in_channel";
     * "http_500" answers that HTTP status with an empty body).
     */
    public void failNext(String method, String... errors) {
        Deque<String> queue = scriptedErrors.computeIfAbsent(method, m -> new ArrayDeque<>());
        synchronized (queue) {
            Collections.addAll(queue, errors);
        }
    }

    /**
     * The next {@code count} calls of {@code method} are never processed: they are not recorded as calls
     * (see {@link #stalled()}) and their connection hangs until {@link #close()}, as if the caller died
     * before Slack acted on the request.
     */
    public void stallNext(String method, int count) {
        stalls.computeIfAbsent(method, m -> new AtomicInteger()).addAndGet(count);
    }

    /** Calls taken in by {@link #stallNext} and never processed. */
    public List<Call> stalled() {
        return List.copyOf(stalled);
    }

    private void handleApi(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestURI().getPath().substring("/api/".length());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> params = parseParams(exchange, body);
        AtomicInteger stall = stalls.get(method);
        if (stall != null && stall.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            stalled.add(new Call(method, params, body));
            try {
                closing.await(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        calls.add(new Call(method, params, body));
        java.time.Duration delay = delays.get(method);
        if (delay != null) {
            try {
                closing.await(delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String scripted = nextScriptedError(method);
        if (scripted != null) {
            if (scripted.matches("http_5\\d\\d")) {
                // Slack's own outage answer: a 5xx with no Web API body
                respond(exchange, Integer.parseInt(scripted.substring(5)), "");
                return;
            }
            if ("ratelimited".equals(scripted)) {
                exchange.getResponseHeaders().add("Retry-After", "1");
                respond(exchange, 429, "{\"ok\":false,\"error\":\"ratelimited\"}");
            } else {
                respond(exchange, 200, "{\"ok\":false,\"error\":\"" + scripted + "\"}");
            }
            return;
        }
        ObjectNode answer = JSON.createObjectNode().put("ok", true);
        switch (method) {
            case "auth.test" -> answer.put("url", "https://example.slack.com/").put("team", "Example")
                    .put("user", "aks-doctor").put("team_id", "T111").put("user_id", "UBOT1")
                    .put("bot_id", "BBOT1");
            case "chat.postMessage", "chat.update" -> {
                String ts = method.equals("chat.update") ? params.get("ts")
                        : String.format("%d.%06d", tsCounter.get() / 1_000_000, tsCounter.incrementAndGet() % 1_000_000);
                answer.put("channel", params.get("channel")).put("ts", ts);
                answer.putObject("message").put("text", params.getOrDefault("text", "")).put("ts", ts);
            }
            case "chat.postEphemeral" -> answer.put("message_ts", "1700000000.000001");
            case "views.open", "views.update", "views.publish" -> answer.putObject("view").put("id", "V111");
            case "conversations.replies" -> {
                var messages = answer.putArray("messages");
                String root = threadRoots.get(params.get("channel") + "/" + params.get("ts"));
                if (root != null) {
                    messages.addObject().put("type", "message").put("user", "W222").put("text", root)
                            .put("ts", params.get("ts")).put("thread_ts", params.get("ts"));
                }
            }
            case "conversations.history" -> answer.putArray("messages");
            case "apps.connections.open" -> {
                // Slack accepts only an app-level token here.
                String auth = params.getOrDefault("_authorization", "");
                if (socketModeUrls == null || !auth.startsWith("Bearer xapp-")) {
                    respond(exchange, 200, "{\"ok\":false,\"error\":\"" + (socketModeUrls == null ? "not_allowed" : "not_allowed_token_type") + "\"}");
                    return;
                }
                answer.put("url", socketModeUrls.get());
            }
            case "bots.info" -> answer.putObject("bot").put("id", params.getOrDefault("bot", "B000"))
                    .put("user_id", "UOTHERBOT").put("name", "another-bot");
            case "usergroups.users.list" -> {
                var users = answer.putArray("users");
                userGroups.getOrDefault(params.get("usergroup"), List.of()).forEach(users::add);
            }
            default -> {
            }
        }
        respond(exchange, 200, JSON.writeValueAsString(answer));
    }

    private void handleResponseUrl(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("path", exchange.getRequestURI().getPath());
        params.put("json", body);
        calls.add(new Call("response_url", params, body));
        respond(exchange, 200, "ok");
    }

    private String nextScriptedError(String method) {
        Deque<String> queue = scriptedErrors.get(method);
        if (queue == null) {
            return null;
        }
        synchronized (queue) {
            return queue.pollFirst();
        }
    }

    private static Map<String, String> parseParams(HttpExchange exchange, String body) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        String contentType = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("");
        if (contentType.startsWith("application/json")) {
            JSON.readTree(body).properties().forEach(e ->
                    params.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
        } else if (!body.isEmpty()) {
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.put(key, value);
            }
        }
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth != null) {
            params.put("_authorization", auth);
        }
        return params;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }
}
