package dev.aksdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random and adversarial input: the pipeline never throws (tested without the catch-all of {@code parse}), keeps
 * finding the error inside hostile surroundings, and its cost grows linearly with the size of the paste.
 */
class PasteParserRobustnessTest {

    private static final String ERROR_51 = "CSE failed with 'VMExtensionError_K8SAPIServerConnFail'. Agents are "
            + "unable to establish connection to Kubernetes API server. Node 10.0.2.10 could not reach API server at "
            + "98.67.228.23:443. Connection timed out.";
    private static final int MB = 1024 * 1024;

    private final PasteParser parser = new PasteParser();

    static Stream<Arguments> adversarial() {
        return Stream.of(
                Arguments.of("random printable", (IntFunction<String>) n -> randomAscii(new Random(1), n)),
                Arguments.of("random binary chars", (IntFunction<String>) n -> randomChars(new Random(2), n)),
                Arguments.of("random bytes as latin-1", (IntFunction<String>) n -> randomBytes(new Random(3), n)),
                Arguments.of("ip-like tokens", (IntFunction<String>) n -> repeat("API server at 10.0.0.1:443 Node "
                        + "10.1.2.3 999.999.999.999 1.2.3.4.5.6.7.8 ", n)),
                Arguments.of("huge numbers", (IntFunction<String>) n -> repeat("exit status=99999999999999999999 "
                        + "ExitCode: |123456789012345678901234567890| exit code 4294967296 ", n)),
                Arguments.of("digits only", (IntFunction<String>) n -> repeat("1234567890", n)),
                Arguments.of("backslashes", (IntFunction<String>) n -> repeat("\\\\\\\\\\\\\\\"\\u00", n)),
                Arguments.of("slack brackets", (IntFunction<String>) n -> repeat("<<http://<https://a|b|c&amp;&lt;", n)),
                Arguments.of("near-miss phrases", (IntFunction<String>) n -> repeat(
                        "vmextensionerror_k8sapiserverconnfai unabletoestablishconnectionfromagentstokubernetesapiserve ", n)),
                Arguments.of("azmk8s suffixes", (IntFunction<String>) n -> repeat("a.b.c.d.e.f.g.hcp.x.azmk8s.io ", n)),
                Arguments.of("mc groups", (IntFunction<String>) n -> repeat("MC_a_b_c_d_e_f_g_h_i_j_k_eastusx ", n)),
                Arguments.of("exit words", (IntFunction<String>) n -> repeat("exit exit exitcode exit status check code ", n)),
                Arguments.of("spaces and newlines", (IntFunction<String>) n -> repeat(" \t\n\r\n   > ```", n)),
                Arguments.of("correlation words", (IntFunction<String>) n -> repeat("correlation id: correlation ", n)),
                Arguments.of("az commands on one line", (IntFunction<String>) n -> repeat("az aks create -g rg -n a \\ ",
                        n)),
                Arguments.of("table headers", (IntFunction<String>) n -> repeat("Name ResourceGroup\n---- ----\n", n)),
                Arguments.of("cluster prose", (IntFunction<String>) n -> repeat("cluster a in rg b (c / rg-d) ", n)),
                Arguments.of("client phrases", (IntFunction<String>) n -> repeat("dial tcp: lookup x on y:53: ", n)),
                Arguments.of("timestamps", (IntFunction<String>) n -> repeat("2026-11-20T09:12:44Z TT T ", n)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adversarial")
    void diagnose_oneMegabyteOfAdversarialInput_neverThrows(String name, IntFunction<String> input) {
        String text = input.apply(MB);
        Diagnosis d = assertDoesNotThrow(() -> parser.diagnose(text));
        assertNotNull(d.summary());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adversarial")
    void diagnose_errorBuriedInOneMegabyteOfAdversarialInput_isStillFound(String name, IntFunction<String> input) {
        String noise = input.apply(MB / 2);
        Diagnosis d = parser.diagnose(noise + "\n" + ERROR_51 + "\n" + noise);
        assertTrue(d.errors().stream().anyMatch(e -> "VMExtensionError_K8SAPIServerConnFail".equals(e.code())),
                () -> name + ": " + d.errors());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adversarial")
    void diagnose_sixteenTimesTheInput_costsAboutSixteenTimesTheWork(String name, IntFunction<String> input) {
        String small = input.apply(64 * 1024);
        String large = input.apply(16 * 64 * 1024);
        for (int i = 0; i < 3; i++) {
            parser.diagnose(small);
        }
        long smallCost = minCpuNanos(small, 5);
        long largeCost = minCpuNanos(large, 3);
        // Linear work gives a ratio near 16, quadratic near 256: 64 leaves room for GC and a shared CPU.
        double ratio = (double) largeCost / Math.max(smallCost, 500_000L);
        assertTrue(ratio < 64, name + ": 16x input cost " + ratio + "x");
    }

    @Test
    void diagnose_errorEscapedTwelveTimes_neverThrowsAndStillFindsTheError() {
        String text = ERROR_51 + " \"quoted\"\n";
        for (int i = 0; i < 12; i++) {
            text = jsonEscape(text);
        }
        String nested = text;
        Diagnosis d = assertDoesNotThrow(() -> parser.diagnose(nested));
        assertEquals("VMExtensionError_K8SAPIServerConnFail", d.errorCode());
        assertEquals(Integer.valueOf(51), d.exitCode());
    }

    @Test
    void diagnose_errorEscapedFiveTimes_isFullyUnescaped() {
        String text = "{\"message\": \"" + ERROR_51 + "\"}";
        for (int i = 0; i < 5; i++) {
            text = jsonEscape(text);
        }
        Diagnosis d = parser.diagnose(text);
        assertEquals("98.67.228.23", d.apiServerIp());
        assertEquals("10.0.2.10", d.nodeIp());
        assertEquals(Subcategory.CONNECTION_TIMED_OUT, d.subcategory());
    }

    @Test
    void diagnose_tenThousandIpLikeTokensBeforeTheError_keepsTheLabelledIps() {
        StringBuilder sb = new StringBuilder();
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            sb.append(random.nextInt(300)).append('.').append(random.nextInt(300)).append('.')
                    .append(random.nextInt(300)).append('.').append(random.nextInt(300)).append(i % 7 == 0 ? "\n" : " ");
        }
        Diagnosis d = parser.diagnose(sb + "\n" + ERROR_51);
        assertEquals("VMExtensionError_K8SAPIServerConnFail", d.errorCode());
        assertNull(d.cluster());
    }

    @Test
    void diagnose_hugeNumbers_areNotExitCodes() {
        Diagnosis d = parser.diagnose("VMExtensionProvisioningError: command terminated with exit status="
                + "9".repeat(100_000) + " ExitCode: |" + "1".repeat(50) + "| exit code 2147483648");
        assertNull(d.exitCode());
        assertEquals("VMExtensionProvisioningError", d.errorCode());
    }

    @Test
    void parse_nullAndEmpty_answerWithTheHelpSummary() {
        for (String text : new String[] {null, "", " ", "\n\n", "\u0000", "\uD800"}) {
            Diagnosis d = parser.parse(text);
            assertNull(d.errorCode());
            assertTrue(d.plan().isEmpty());
            assertTrue(d.summary().startsWith("No known AKS error found."));
        }
    }

    @Test
    void diagnose_randomlyMutatedCorpusPastes_neverThrow() throws Exception {
        List<String> pastes = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = java.nio.file.Files.list(
                java.nio.file.Path.of(getClass().getResource("/pastes").toURI()))) {
            for (java.nio.file.Path p : (Iterable<java.nio.file.Path>) files::iterator) {
                pastes.add(java.nio.file.Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        Random random = new Random(42);
        for (int round = 0; round < 2000; round++) {
            String base = pastes.get(random.nextInt(pastes.size()));
            String mutated = mutate(base, random);
            assertDoesNotThrow(() -> parser.diagnose(mutated), () -> "mutation failed: " + mutated);
        }
    }

    private long minCpuNanos(String text, int runs) {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            long start = bean.getCurrentThreadCpuTime();
            parser.diagnose(text);
            best = Math.min(best, bean.getCurrentThreadCpuTime() - start);
        }
        return best;
    }

    private static String mutate(String base, Random random) {
        StringBuilder sb = new StringBuilder(base);
        int edits = 1 + random.nextInt(8);
        for (int i = 0; i < edits && sb.length() > 0; i++) {
            int at = random.nextInt(sb.length());
            switch (random.nextInt(5)) {
                case 0:
                    sb.setLength(at);
                    break;
                case 1:
                    sb.insert(at, (char) random.nextInt(0x10000));
                    break;
                case 2:
                    sb.insert(at, "\\\"|<&>`*");
                    break;
                case 3:
                    sb.deleteCharAt(at);
                    break;
                default:
                    sb.insert(at, "    \n   ");
            }
        }
        return sb.toString();
    }

    private static String jsonEscape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String repeat(String unit, int length) {
        StringBuilder sb = new StringBuilder(length + unit.length());
        while (sb.length() < length) {
            sb.append(unit);
        }
        sb.setLength(length);
        return sb.toString();
    }

    private static String randomAscii(Random random, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = (char) (32 + random.nextInt(95));
        }
        return new String(out);
    }

    private static String randomChars(Random random, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = (char) random.nextInt(0x10000);
        }
        return new String(out);
    }

    private static String randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
