package dev.aksdoctor.check;

/** Told about each finding as its check finishes (from a worker thread), for live updates of a reply. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = finding -> {
    };

    void checkFinished(Finding finding);
}
