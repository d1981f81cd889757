package dev.aksdoctor.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL for tests, without Docker. In order of preference:
 * <ol>
 *   <li>{@code AKS_DOCTOR_TEST_POSTGRES_URL} (+ {@code _USER}, {@code _PASSWORD}): a server someone started;</li>
 *   <li>as root (CI containers): the distribution's PostgreSQL binaries, run as the {@code postgres} user,
 *       because PostgreSQL refuses to run as root;</li>
 *   <li>otherwise: embedded PostgreSQL binaries from Maven Central (io.zonky.test).</li>
 * </ol>
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres embedded;
    private Path systemDataDir;
    private String systemBin;

    @Override
    public Map<String, String> start() {
        String url = System.getenv("AKS_DOCTOR_TEST_POSTGRES_URL");
        if (url != null && !url.isBlank()) {
            return config(url, env("AKS_DOCTOR_TEST_POSTGRES_USER", "postgres"), env("AKS_DOCTOR_TEST_POSTGRES_PASSWORD", ""));
        }
        if ("root".equals(System.getProperty("user.name"))) {
            return startSystemPostgres();
        }
        try {
            embedded = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
        return config(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
    }

    private static Map<String, String> config(String url, String user, String password) {
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }

    private Map<String, String> startSystemPostgres() {
        systemBin = findSystemBin().orElseThrow(() -> new IllegalStateException(
                "Running as root needs the distribution's PostgreSQL server (apt-get install postgresql), "
                        + "or set AKS_DOCTOR_TEST_POSTGRES_URL. .ci/run installs it."));
        try {
            systemDataDir = Files.createTempDirectory("aksdoctor-pg");
            run("chown", "postgres", systemDataDir.toString());
            int port = freePort();
            asPostgres(systemBin + "/initdb", "-D", systemDataDir + "/data", "-U", "postgres", "--auth=trust",
                    "-E", "UTF8", "--locale=C");
            asPostgres(systemBin + "/pg_ctl", "-D", systemDataDir + "/data", "-w", "-l", systemDataDir + "/log",
                    "-o", "-p " + port + " -k " + systemDataDir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
            return config("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> findSystemBin() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("postgres")))
                    .max(Comparator.comparing(Path::toString))
                    .map(Path::toString);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void asPostgres(String... command) {
        String[] full = new String[command.length + 4];
        full[0] = "runuser";
        full[1] = "-u";
        full[2] = "postgres";
        full[3] = "--";
        System.arraycopy(command, 0, full, 4, command.length);
        run(full);
    }

    private static void run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", List.of(command)) + " failed: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }

    @Override
    public void stop() {
        try {
            if (embedded != null) {
                embedded.close();
            }
            if (systemDataDir != null) {
                asPostgres(systemBin + "/pg_ctl", "-D", systemDataDir + "/data", "-m", "immediate", "stop");
                run("rm", "-rf", systemDataDir.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
