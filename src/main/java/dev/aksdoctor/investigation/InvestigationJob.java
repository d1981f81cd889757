package dev.aksdoctor.investigation;

import java.util.Objects;

/**
 * Work handed from the Slack listener to the background. Holds the raw paste and the response_url only in
 * memory: the database keeps the redacted text, and a response_url is a capability that must not be stored.
 */
public record InvestigationJob(long investigationId, String requester, String channel, String threadTs,
                               String text, String responseUrl, boolean runNodeProbes) {
    public InvestigationJob {
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(text, "text");
    }

    public InvestigationJob(long investigationId, String requester, String channel, String threadTs, String text,
            String responseUrl) {
        this(investigationId, requester, channel, threadTs, text, responseUrl, false);
    }

    @Override
    public String toString() {
        // Never print the paste or the response_url.
        return "InvestigationJob[id=" + investigationId + ", channel=" + channel + "]";
    }
}
