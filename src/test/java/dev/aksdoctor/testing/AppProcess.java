package dev.aksdoctor.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application ({@code quarkus-run.jar}) as a separate JVM process: one replica. Configured
 * through environment variables only, as in a container; its log goes to a file that is shown when it fails.
 */
public final class AppProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;

    private AppProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** The service's own JVM options, as the README's run command and the image pass them (docker/jvm.args). */
    public static String serviceJvmOptions() {
        return "@" + Path.of("docker", "jvm.args").toAbsolutePath();
    }

    /** Starts {@code appDir/quarkus-run.jar} on a free port with {@code env} added to this JVM's environment. */
    public static AppProcess start(String name, Path appDir, Map<String, String> env) {
        return start(name, appDir, env, List.of(serviceJvmOptions(), "-Xmx256m"));
    }

    /** As {@link #start(String, Path, Map)}, with these JVM options instead of the service's and a small heap. */
    public static AppProcess start(String name, Path appDir, Map<String, String> env, List<String> jvmOptions) {
        Path jar = appDir.resolve("quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw verify, which builds it before the *IT tests");
        }
        try {
            int port = freePort();
            // Under target/ when run by Failsafe, so the replicas' logs stay next to the test reports.
            Path root = Files.createDirectories(Path.of(System.getProperty("aksdoctor.it.work", System.getProperty("java.io.tmpdir"))));
            Path workDir = Files.createTempDirectory(root, name + "-");
            Path log = workDir.resolve(name + ".log");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(env);
            builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            return new AppProcess(name, port, log, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** True once readiness (which includes the database) answers UP; false when the process died. */
    public boolean ready() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + " (log: " + log + "):\n" + logTail());
        }
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Posts a Slack request to /slack/events, signed as Slack signs it; returns the response body. */
    public HttpResponse<String> postSignedForm(String body) {
        SlackSigner.Signed signed = SlackRequests.SIGNER.sign(body, Instant.now());
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/slack/events"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Slack-Request-Timestamp", signed.timestamp())
                    .header("X-Slack-Signature", signed.signature())
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILL: no shutdown hook runs, as when a node or container is lost. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        kill();
    }
}
