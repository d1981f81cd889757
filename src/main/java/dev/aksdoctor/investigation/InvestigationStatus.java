package dev.aksdoctor.investigation;

/** Where an investigation is in its life. */
public enum InvestigationStatus {
    QUEUED,
    RUNNING,
    ANSWERED,
    FAILED,
    /** Ran or waited too long; the thread says so. */
    TIMED_OUT;

    public boolean terminal() {
        return this == ANSWERED || this == FAILED || this == TIMED_OUT;
    }
}
