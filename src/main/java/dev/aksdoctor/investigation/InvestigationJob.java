package dev.aksdoctor.investigation;

import java.util.Objects;

/**
 * One investigation as the worker sees it, built from the stored row: {@code text} is the redacted paste
 * (secrets play no part in a diagnosis). {@code responseUrl} is present only on the replica that received
 * the command, and only in memory: a response_url is a capability that must not be stored.
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

    public static InvestigationJob fromRow(Investigation row, String responseUrl) {
        return new InvestigationJob(row.id, row.requester, row.channel, row.threadTs, row.textRedacted, responseUrl,
                row.runNodeProbes);
    }

    @Override
    public String toString() {
        // Never print the paste or the response_url.
        return "InvestigationJob[id=" + investigationId + ", channel=" + channel + "]";
    }
}
