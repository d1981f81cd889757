package dev.aksdoctor.action;

/** The action cannot go ahead as confirmed (its inputs are missing or changed); the message says why. */
public final class ActionRefused extends RuntimeException {

    public ActionRefused(String message) {
        super(message);
    }
}
