package dev.aksdoctor.diagnosis;

import java.util.List;
import java.util.Objects;

/**
 * One entry of the knowledge catalog: a CSE exit code (keyed on os + exit code) or an ARM, kubectl or pod error.
 *
 * @param code canonical name reported as {@code errorCode}
 * @param exitCode CSE exit code, {@code null} for errors that are not CSE exit codes
 * @param os node OS of a CSE exit code, {@code null} otherwise
 * @param constant the AgentBaker constant ({@code ERR_*}, {@code WINDOWS_CSE_ERROR_*}) or the code itself
 * @param playbook key of the playbook that investigates it (see {@link Playbook})
 * @param wrapper true for umbrella errors reported only when nothing more specific is in the paste
 * @param subsumes codes of less specific errors whose wording is part of this one's message
 */
public record KnownError(
        String code,
        Integer exitCode,
        OsType os,
        String constant,
        String meaning,
        String playbook,
        boolean wrapper,
        List<DocLink> docs,
        List<String> subsumes) {

    public KnownError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(constant, "constant");
        Objects.requireNonNull(meaning, "meaning");
        Objects.requireNonNull(playbook, "playbook");
        docs = docs == null ? List.of() : List.copyOf(docs);
        subsumes = subsumes == null ? List.of() : List.copyOf(subsumes);
    }

    public boolean isCseExitCode() {
        return exitCode != null;
    }

    /** Key that tells two findings of the same error apart from two different errors. */
    String identity() {
        return exitCode == null ? code : os.json() + ":" + exitCode;
    }
}
