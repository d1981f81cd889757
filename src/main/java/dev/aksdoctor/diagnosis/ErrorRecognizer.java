package dev.aksdoctor.diagnosis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises every known error in a normalised paste: CSE names (RP-facing new and legacy, AgentBaker constants),
 * the RP sentences that name a failure without its number, numeric exit codes keyed on OS, ARM codes and phrases,
 * kubectl and pod errors. Umbrella errors are kept only when nothing more specific was found.
 */
final class ErrorRecognizer {

    private static final int MAX_PHRASE_HITS = 4000;
    private static final int KUBECTL_WINDOW = 240;
    private static final int LOCAL_OS_REACH = 200;
    private static final String FAILED_STATE = "ClusterFailedState";
    private static final String NODE_FAILED = "VmssInstanceFailed";
    private static final String KUBECTL_FALLBACK = "KubectlConnectionFailed";
    private static final String KUBELET_FAILED = "KubeletDialFailed";
    private static final String NOT_POINTED = "KubeconfigNotSet";
    /**
     * {@code dial tcp 10.240.0.4:10250}: kubectl logs or exec reached the API server, which could not reach the
     * kubelet.
     */
    private static final Pattern KUBELET_DIAL = Pattern.compile(
            "dialtcp\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}:10250(?!\\d)");

    private final KnowledgeCatalog catalog;
    private final PhraseTrie<KnownError> trie;
    private final Set<String> sentences;
    private final KnownError apiServerLinux;
    private final KnownError apiServerWindows;
    private final ExitCodeFinder exitCodes = new ExitCodeFinder();
    private final PhraseTrie<Boolean> clientPhrases;

    ErrorRecognizer(KnowledgeCatalog catalog) {
        this.catalog = catalog;
        this.apiServerLinux = catalog.cse(OsType.LINUX, 51).orElseThrow();
        this.apiServerWindows = catalog.cse(OsType.WINDOWS, 5).orElseThrow();
        KnownError dns = catalog.cse(OsType.LINUX, 52).orElseThrow();
        KnownError outbound = catalog.cse(OsType.LINUX, 50).orElseThrow();
        Map<String, KnownError> phrases = new LinkedHashMap<>(catalog.phrases());
        // RP sentences that name a failure without its number (2019 to 2026 wordings); the API server ones are
        // said of Windows nodes too.
        Map<String, KnownError> sentences = new LinkedHashMap<>();
        sentences.put("unabletoestablishconnectionfromagentstokubernetesapiserver", apiServerLinux);
        sentences.put("unabletoestablishconnectiontokubernetesapiserver", apiServerLinux);
        sentences.put("couldnotreachapiserverat", apiServerLinux);
        sentences.put("unabletoresolvekubernetesapiservername", dns);
        sentences.put("unabletoestablishoutboundconnection", outbound);
        sentences.put("notabletoestablishoutboundconnectivity", outbound);
        phrases.putAll(sentences);
        this.sentences = Set.copyOf(sentences.keySet());
        // Check-APIServerConnectivity in the Windows CSE (kubernetesfunc.ps1).
        phrases.put("failedtoconnecttoapiserver", apiServerWindows);
        this.trie = new PhraseTrie<>(phrases);
        this.clientPhrases = clientPhrases();
    }

    /**
     * What a Go client (helm, terraform's Kubernetes provider, CI tools) or curl prints when it cannot reach a server,
     * without kubectl's "Unable to connect to the server". The same words are in node logs and CSE output about MCR
     * or package mirrors, so they name a client error only when nothing else in the paste is recognised and the line
     * is not about one of the hosts the nodes download from.
     */
    private static PhraseTrie<Boolean> clientPhrases() {
        Map<String, Boolean> p = new HashMap<>();
        for (String phrase : List.of("dialtcp", "net/http:tlshandshaketimeout", "gnutls_handshake()failed",
                "ssl_error_syscall", "x509:certificatesignedbyunknownauthority", "x509:certificatehasexpired",
                "x509:certificateisvalidfor", "nxdomain", "couldnotresolvehost:", "tlshandshaketimeout",
                "theremotenamecouldnotberesolved", "failedtoconnectto", "curl:(28)", "curl:(7)", "curl:(35)",
                "curl:(60)", "curl:(6)", "requestcanceledwhilewaitingforconnection",
                "client.timeoutexceededwhileawaitingheaders")) {
            p.put(phrase, Boolean.TRUE);
        }
        return new PhraseTrie<>(p);
    }

    /**
     * @param namesNode whether the paste names one scale-set instance: "is in a failed state" is then about that
     *     node rather than the cluster
     */
    List<ErrorHit> recognize(NormalizedPaste paste, boolean namesNode) {
        SqueezedText squeezed = paste.squeezed();
        OsEvidence evidence = OsEvidence.of(paste.squeezed().text());
        List<ErrorHit> raw = new ArrayList<>();
        List<PhraseTrie.Hit<KnownError>> hits = trie.find(squeezed.text(), MAX_PHRASE_HITS);
        boolean windowsApi = false;
        boolean linuxCse = false;
        hits.removeIf(hit -> isAssignment(squeezed.text(), hit) || isProse(paste.text(), squeezed, hit));
        for (PhraseTrie.Hit<KnownError> hit : hits) {
            KnownError e = hit.value();
            if (e.isCseExitCode()) {
                windowsApi |= e == apiServerWindows;
                linuxCse |= e.os() == OsType.LINUX && !isSentence(squeezed, hit);
            }
        }
        List<ExitCodeFinder.Found> numbers = exitCodes.find(paste.lower());
        for (ExitCodeFinder.Found f : numbers) {
            windowsApi |= f.os() == OsType.WINDOWS && f.code() == 5;
            linuxCse |= f.os() == OsType.LINUX;
        }
        boolean sentencesAreWindows = windowsApi || (evidence.windows() && !linuxCse);
        boolean portForward = LoopbackDial.showsPortForward(squeezed.text());
        for (PhraseTrie.Hit<KnownError> hit : hits) {
            KnownError e = hit.value();
            int position = squeezed.origin(hit.start());
            if (e == apiServerLinux && sentencesAreWindows && isSentence(squeezed, hit)) {
                e = apiServerWindows;
            } else if ("kubectl".equals(e.playbook())) {
                e = refineKubectl(squeezed.text(), hit.start(), hit.end(), portForward);
            }
            raw.add(new ErrorHit(e, e.os() != null ? e.os() : osFor(e, evidence), position));
        }
        // az aks show -o table says "Failed" in a column, which no phrase can see.
        AzTable.singleRow(paste.text(), paste.lower())
                .filter(row -> "failed".equalsIgnoreCase(row.cells().get("provisioningstate")))
                .ifPresent(row -> raw.add(new ErrorHit(catalog.error(FAILED_STATE).orElseThrow(), null,
                        row.position())));
        for (ExitCodeFinder.Found f : numbers) {
            OsType os = f.os() != null ? f.os() : osAround(paste.lower(), f.position(), evidence);
            if (f.code() == 0 || (os == OsType.WINDOWS && f.code() == 1 && f.os() == null)) {
                continue;
            }
            catalog.cse(os, f.code()).ifPresent(e -> raw.add(new ErrorHit(e, os, f.position())));
        }
        List<ErrorHit> found = nodeOrCluster(distinct(raw), paste.squeezed().text(), namesNode);
        return found.isEmpty() ? clientError(paste, portForward) : found;
    }

    /** The first client connection error of a paste that holds nothing else (see {@link #clientPhrases}). */
    private List<ErrorHit> clientError(NormalizedPaste paste, boolean portForward) {
        SqueezedText squeezed = paste.squeezed();
        for (PhraseTrie.Hit<Boolean> hit : clientPhrases.find(squeezed.text(), MAX_PHRASE_HITS)) {
            int position = squeezed.origin(hit.start());
            if (NonApiHosts.mentionedIn(NonApiHosts.lineBefore(paste.lower(), position, KUBECTL_WINDOW))) {
                continue;
            }
            if (KUBELET_DIAL.matcher(squeezed.text()).region(hit.start(), squeezed.length()).lookingAt()) {
                return List.of(new ErrorHit(catalog.error(KUBELET_FAILED).orElseThrow(), null, position));
            }
            // "dial tcp <address>: lookup …: no such host" names the failure after the phrase, as kubectl's does.
            return List.of(new ErrorHit(refineKubectl(squeezed.text(), hit.start(), hit.start(), portForward), null, position));
        }
        return List.of();
    }

    private List<ErrorHit> nodeOrCluster(List<ErrorHit> findings, String squeezed, boolean namesNode) {
        if (!namesNode || findings.size() != 1 || !FAILED_STATE.equals(findings.get(0).error().code())
                || squeezed.contains("clusteris") || squeezed.contains("poolis")) {
            return findings;
        }
        ErrorHit f = findings.get(0);
        return List.of(new ErrorHit(catalog.error(NODE_FAILED).orElseThrow(), null, f.position()));
    }

    /** A number without OS syntax takes the OS of the Windows constant next to it, else of the whole paste. */
    private static OsType osAround(String lower, int position, OsEvidence evidence) {
        int start = Math.max(0, position - LOCAL_OS_REACH);
        int end = Math.min(lower.length(), position + LOCAL_OS_REACH);
        if (lower.substring(start, end).contains("windows_cse_error")) {
            return OsType.WINDOWS;
        }
        return evidence.windows() && !evidence.linux() ? OsType.WINDOWS : OsType.LINUX;
    }

    /**
     * {@code ERR_OUTBOUND_CONN_FAIL=50}: the CSE's xtrace (set -x) prints every constant it defines, so a name
     * followed by {@code =<number>} is a definition in the log, not the failure (which the trace shows as
     * {@code exit 50} and the RP as {@code exit status=50}).
     */
    private static boolean isAssignment(String squeezed, PhraseTrie.Hit<KnownError> hit) {
        int at = hit.end();
        return hit.value().isCseExitCode() && at + 1 < squeezed.length() && squeezed.charAt(at) == '='
                && Character.isDigit(squeezed.charAt(at + 1));
    }

    /**
     * An ARM code is one identifier: "Container Registry authorization failed." spelled as words is prose, not
     * {@code AuthorizationFailed} (terminal wrapping breaks a code with a newline or a run of spaces, never with one
     * space before a lower-case word). Longer phrases of the catalog still match such wording.
     */
    private static boolean isProse(String text, SqueezedText squeezed, PhraseTrie.Hit<KnownError> hit) {
        KnownError e = hit.value();
        String found = squeezed.text().substring(hit.start(), hit.end());
        if (e.isCseExitCode() || !found.equals(SqueezedText.squeeze(e.code()))) {
            return false;
        }
        int from = squeezed.origin(hit.start());
        int to = squeezed.origin(hit.end() - 1);
        for (int i = from + 1; i < to; i++) {
            if (text.charAt(i) == ' ' && text.charAt(i - 1) != ' ' && Character.isLowerCase(text.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    private boolean isSentence(SqueezedText squeezed, PhraseTrie.Hit<KnownError> hit) {
        return sentences.contains(squeezed.text().substring(hit.start(), hit.end()));
    }

    private static OsType osFor(KnownError e, OsEvidence evidence) {
        if ("cse".equals(e.playbook()) || "VMExtensionProvisioningTimeout".equals(e.code())) {
            return evidence.only();
        }
        return null;
    }

    /**
     * @param phrase where the phrase that named the client error starts: kubectl names the server inside it
     *     ("The connection to the server localhost:8080 …")
     * @param from where the words that say how it failed start
     */
    private KnownError refineKubectl(String squeezed, int phrase, int from, boolean portForward) {
        int end = Math.min(squeezed.length(), from + KUBECTL_WINDOW);
        String window = squeezed.substring(Math.min(from, end), end);
        String code;
        if (!portForward && LoopbackDial.firstServerIsLoopback(squeezed.substring(Math.min(phrase, end), end))) {
            return catalog.error(NOT_POINTED).orElseThrow();
        }
        // Go says "dial tcp: lookup <name> on <resolver>" when the dial failed before any TCP, in name resolution,
        // whatever follows (no such host, a resolver timeout, server misbehaving).
        if (window.startsWith("dialtcp:lookup") || window.contains(":dialtcp:lookup")
                || window.contains("nosuchhost") || window.contains("nxdomain") || window.contains("couldnotresolvehost")
                || window.contains("theremotenamecouldnotberesolved")) {
            code = "KubectlNoSuchHost";
        } else if (window.contains("connectionrefused") || window.contains("activelyrefused")
                || window.contains("wasrefused-didyouspecifytherighthost")) {
            code = "KubectlConnectionRefused";
        } else if (window.contains("i/otimeout") || window.contains("didnotproperlyrespond")
                || window.contains("connectiontimedout") || window.contains("client.timeoutexceeded")
                || window.contains("contextdeadlineexceeded")) {
            code = "KubectlDialTimeout";
        } else {
            code = KUBECTL_FALLBACK;
        }
        return catalog.error(code).orElseThrow();
    }

    private static List<ErrorHit> distinct(List<ErrorHit> raw) {
        Map<String, ErrorHit> first = new HashMap<>();
        for (ErrorHit f : raw) {
            first.merge(f.identity(), f, (a, b) -> a.position() <= b.position() ? a : b);
        }
        List<ErrorHit> specific = new ArrayList<>();
        List<ErrorHit> wrappers = new ArrayList<>();
        for (ErrorHit f : first.values()) {
            (f.error().wrapper() ? wrappers : specific).add(f);
        }
        Set<String> subsumed = new HashSet<>();
        for (ErrorHit f : specific) {
            subsumed.addAll(f.error().subsumes());
        }
        specific.removeIf(f -> !f.error().isCseExitCode() && subsumed.contains(f.error().code()));
        // A client's connection error is a symptom, not the inner error of a wrapper: a failed cluster or node pool
        // stays in the answer beside kubectl's timeout (and comes first, see PrimaryChoice).
        boolean inner = specific.stream().anyMatch(f -> !Playbook.isClientConnection(f.error()));
        List<ErrorHit> out = new ArrayList<>(specific);
        if (!inner) {
            out.addAll(wrappers);
        }
        out.sort(Comparator.comparingInt(ErrorHit::position).thenComparing(ErrorHit::identity));
        return out;
    }
}
