package dev.aksdoctor.check;

import dev.aksdoctor.diagnosis.Diagnosis;
import dev.aksdoctor.diagnosis.KnowledgeCatalog;
import dev.aksdoctor.diagnosis.OsType;
import dev.aksdoctor.diagnosis.RecognizedError;

/**
 * Whether a paste is an outbound failure (exit 50 {@code OutboundConnFail}, {@code VMExtensionProvisioningTimeout},
 * download timeouts): those are judged against the required outbound endpoints, not the API server.
 */
final class OutboundFailure {

    private static final KnowledgeCatalog CATALOG = KnowledgeCatalog.defaultCatalog();

    private OutboundFailure() {
    }

    static boolean of(Diagnosis d) {
        if (d == null) {
            return false;
        }
        if (outbound(d.errorCode()) || outbound(d.os(), d.exitCode())) {
            return true;
        }
        for (RecognizedError e : d.errors()) {
            if (outbound(e.code()) || outbound(e.os(), e.exitCode())) {
                return true;
            }
        }
        return false;
    }

    /** CSE exit codes collide between Linux and Windows; an unknown OS is read as Linux, where 50 is outbound. */
    private static boolean outbound(OsType os, Integer exitCode) {
        return exitCode != null && CATALOG.cse(os == null ? OsType.LINUX : os, exitCode)
                .map(k -> "outbound".equals(k.playbook())).orElse(false);
    }

    private static boolean outbound(String code) {
        return code != null && CATALOG.error(code).map(k -> "outbound".equals(k.playbook())).orElse(false);
    }
}
