package dev.aksdoctor.check.probe;

/** The steps of a node probe, in the order the script runs them. */
public enum ProbeStep {
    DNS,
    TCP,
    HTTPS,
    TLS,
    PROXY
}
