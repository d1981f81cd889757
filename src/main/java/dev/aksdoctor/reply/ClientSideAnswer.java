package dev.aksdoctor.reply;

import java.util.Objects;

/**
 * What the answer to a client-side error says: the cause in a few words (header of the cause and the fallback text),
 * the cause section in mrkdwn, and why no Azure check ran.
 */
record ClientSideAnswer(String cause, String causeText, String noChecks) {

    ClientSideAnswer {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(causeText, "causeText");
        Objects.requireNonNull(noChecks, "noChecks");
    }
}
