package dev.aksdoctor.diagnosis;

import java.util.Objects;

/** One error found in a paste (a paste can hold several): the contract's {@code errors} items. */
public record RecognizedError(String code, Integer exitCode, OsType os, String summary) {
    public RecognizedError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(summary, "summary");
    }
}
