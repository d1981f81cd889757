package dev.aksdoctor.investigation;

/** Where an investigation is in its life. */
public enum InvestigationStatus {
    QUEUED,
    RUNNING,
    ANSWERED,
    FAILED
}
