package dev.aksdoctor.api;

/** The request cannot be diagnosed as sent; the message tells the caller what to send instead. */
public class BadPaste extends RuntimeException {
    public BadPaste(String message) {
        super(message);
    }
}
