package dev.aksdoctor.investigation;

/**
 * Runs one stored investigation and answers in its thread. The durable job lives here with the queue; what it
 * runs (parse, check, render, post) sits above, so the job reaches it through this seam.
 */
public interface InvestigationRunner {

    void run(InvestigationJob job);
}
