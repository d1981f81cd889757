package dev.aksdoctor.diagnosis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parser speed. Sample-time mode, so JMH prints the median (p0.50) per call. Run with:
 * {@code ./mvnw -B -Pbench test-compile exec:exec -Dbench.args='PasteParserBenchmark'}.
 * Targets: under 1 ms for a typical paste, under 50 ms for a 1 MB paste.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms512m", "-Xmx512m"})
public class PasteParserBenchmark {

    /** Typical pastes from the corpus: Activity Log JSON, CSE JSON with the MCR trap, Windows instance view, Slack. */
    @State(Scope.Benchmark)
    public static class Typical {
        @Param({"012-activity-log-json-51", "010-cse-json-51-mcr-trap-with-api-ip", "035-windows-5-instance-view",
            "014-slack-formatted-51"})
        public String paste;
        String text;

        @Setup
        public void setUp() throws IOException {
            text = pasteBody(paste);
        }
    }

    private final PasteParser parser = new PasteParser();
    private String oneMegabyteLog;
    private String oneMegabyteRandom;

    @Setup
    public void setUp() throws IOException {
        oneMegabyteLog = oneMegabyteLog();
        oneMegabyteRandom = oneMegabyteRandom();
    }

    @Benchmark
    public Diagnosis typicalPaste(Typical typical) {
        return parser.parse(typical.text);
    }

    /** A realistic 1 MB paste: a long provisioning log and Activity Log events, the error near the end. */
    @Benchmark
    public Diagnosis oneMegabyteLogPaste() {
        return parser.parse(oneMegabyteLog);
    }

    /** Worst case for the scanners: 1 MB of random printable characters (every escape and bracket occurs). */
    @Benchmark
    public Diagnosis oneMegabyteRandomPaste() {
        return parser.parse(oneMegabyteRandom);
    }

    static String oneMegabyteLog() throws IOException {
        String[] parts = {
            pasteBody("010-cse-json-51-mcr-trap-with-api-ip"), pasteBody("012-activity-log-json-51"),
            pasteBody("026-exit53-azure-dns"), pasteBody("063-kubectl-refused"),
            "2026-05-12T03:01:17.118Z INFO  provision.sh: installing containerd 1.7.20, kubelet v1.30.4 from "
                    + "packages.aks.azure.com; apt-get update took 41s; Connection to mcr.microsoft.com 443 port "
                    + "[tcp/https] succeeded!\n",
        };
        StringBuilder sb = new StringBuilder(1024 * 1024 + 4096);
        int i = 0;
        while (sb.length() < 1024 * 1024 - 2048) {
            sb.append(parts[i++ % parts.length]).append('\n');
        }
        sb.setLength(1024 * 1024 - 2048);
        sb.append('\n').append(pasteBody("001-rp51-timeout-node-and-api-ip"));
        return sb.toString();
    }

    static String oneMegabyteRandom() {
        Random random = new Random(1);
        char[] chars = new char[1024 * 1024];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) (32 + random.nextInt(95));
        }
        return new String(chars);
    }

    static String pasteBody(String name) throws IOException {
        try (InputStream in = PasteParserBenchmark.class.getResourceAsStream("/pastes/" + name + ".txt")) {
            if (in == null) {
                throw new IOException("no paste " + name);
            }
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return all.substring(all.indexOf("### paste\n") + "### paste\n".length());
        }
    }
}
