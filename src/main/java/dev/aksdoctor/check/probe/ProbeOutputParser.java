package dev.aksdoctor.check.probe;

/** Reads the marker lines of a node probe's output. Never throws. */
public final class ProbeOutputParser {

    private ProbeOutputParser() {
    }

    public static ProbeResult parse(String stdout) {
        throw new UnsupportedOperationException("todo");
    }
}
