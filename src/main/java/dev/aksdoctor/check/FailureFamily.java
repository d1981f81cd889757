package dev.aksdoctor.check;

import dev.aksdoctor.diagnosis.Diagnosis;
import dev.aksdoctor.diagnosis.KnowledgeCatalog;
import dev.aksdoctor.diagnosis.OsType;
import dev.aksdoctor.diagnosis.RecognizedError;
import java.util.Set;

/**
 * Which family of failure a paste is, by the catalog playbook of its primary error, its exit code or any error it
 * holds (those the paste named and those read in Azure): an outbound failure is judged against the required
 * outbound endpoints, an API server connection failure against the API server.
 */
final class FailureFamily {

    private static final KnowledgeCatalog CATALOG = KnowledgeCatalog.defaultCatalog();
    private static final Set<String> OUTBOUND = Set.of("outbound");
    private static final Set<String> API_SERVER = Set.of("api", "kubectl");

    private FailureFamily() {
    }

    /** Exit 50 {@code OutboundConnFail}, {@code VMExtensionProvisioningTimeout}, download timeouts. */
    static boolean outbound(Diagnosis d) {
        return any(d, OUTBOUND);
    }

    /** CSE exit 51 ({@code K8SAPIServerConnFail}), Windows exit 5, or kubectl that cannot reach the API server. */
    static boolean apiServer(Diagnosis d) {
        return any(d, API_SERVER);
    }

    private static boolean any(Diagnosis d, Set<String> playbooks) {
        if (d == null) {
            return false;
        }
        if (in(d.errorCode(), playbooks) || in(d.os(), d.exitCode(), playbooks)) {
            return true;
        }
        for (RecognizedError e : d.errors()) {
            if (in(e.code(), playbooks) || in(e.os(), e.exitCode(), playbooks)) {
                return true;
            }
        }
        return false;
    }

    /** CSE exit codes collide between Linux and Windows; an unknown OS is read as Linux (where 50 is outbound). */
    private static boolean in(OsType os, Integer exitCode, Set<String> playbooks) {
        return exitCode != null && CATALOG.cse(os == null ? OsType.LINUX : os, exitCode)
                .map(k -> playbooks.contains(k.playbook())).orElse(false);
    }

    private static boolean in(String code, Set<String> playbooks) {
        return code != null && CATALOG.error(code).map(k -> playbooks.contains(k.playbook())).orElse(false);
    }
}
