package dev.aksdoctor.diagnosis;

/** How a connection to the API server failed (seed 001's subcategories, plus DNS). */
public enum Subcategory {
    CONNECTION_TIMED_OUT,
    CONNECTION_REFUSED,
    NO_ROUTE_TO_HOST,
    TLS_HANDSHAKE_FAILED,
    CERTIFICATE_PROBLEM,
    DNS_LOOKUP_FAILED,
    UNKNOWN
}
