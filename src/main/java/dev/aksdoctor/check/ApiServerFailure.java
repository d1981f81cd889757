package dev.aksdoctor.check;

import dev.aksdoctor.diagnosis.Diagnosis;
import dev.aksdoctor.diagnosis.KnowledgeCatalog;
import dev.aksdoctor.diagnosis.OsType;
import dev.aksdoctor.diagnosis.RecognizedError;
import java.util.Set;

/**
 * Whether a paste is a failure to connect to the API server: CSE exit 51 ({@code K8SAPIServerConnFail}), Windows
 * exit 5, or kubectl that cannot reach it. Their playbooks are keyed {@code api} and {@code kubectl} in the catalog.
 */
final class ApiServerFailure {

    private static final KnowledgeCatalog CATALOG = KnowledgeCatalog.defaultCatalog();
    private static final Set<String> PLAYBOOKS = Set.of("api", "kubectl");

    private ApiServerFailure() {
    }

    static boolean of(Diagnosis d) {
        if (d == null) {
            return false;
        }
        if (apiServer(d.errorCode()) || apiServer(d.os(), d.exitCode())) {
            return true;
        }
        for (RecognizedError e : d.errors()) {
            if (apiServer(e.code()) || apiServer(e.os(), e.exitCode())) {
                return true;
            }
        }
        return false;
    }

    private static boolean apiServer(OsType os, Integer exitCode) {
        return exitCode != null && CATALOG.cse(os == null ? OsType.LINUX : os, exitCode)
                .map(k -> PLAYBOOKS.contains(k.playbook())).orElse(false);
    }

    private static boolean apiServer(String code) {
        return code != null && CATALOG.error(code).map(k -> PLAYBOOKS.contains(k.playbook())).orElse(false);
    }
}
