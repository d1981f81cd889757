package dev.aksdoctor.check;

/** Result of one check. SKIPPED: could not or should not run (no credential, not applicable); ERROR: the check itself failed. */
public enum Outcome {
    PASS,
    FAIL,
    WARN,
    SKIPPED,
    ERROR
}
