package dev.aksdoctor.network;

/** Whether a rule matches a flow: yes, no, or not decidable offline. */
enum Tri {
    YES,
    NO,
    UNKNOWN;

    Tri and(Tri other) {
        if (this == NO || other == NO) {
            return NO;
        }
        return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : YES;
    }

    Tri or(Tri other) {
        if (this == YES || other == YES) {
            return YES;
        }
        return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : NO;
    }
}
