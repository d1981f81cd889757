package dev.aksdoctor.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import dev.aksdoctor.investigation.InvestigationJob;
import dev.aksdoctor.investigation.InvestigationQueue;
import dev.aksdoctor.investigation.InvestigationSource;
import dev.aksdoctor.investigation.InvestigationStatus;
import dev.aksdoctor.investigation.InvestigationStore;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code /aks-doctor <pasted error>}: records the investigation, queues it and acks at once with an
 * ephemeral "investigating…"; the answer arrives in a thread posted by the background job.
 */
@ApplicationScoped
public class ExplainPastedError {

    private final InvestigationStore store;
    private final InvestigationQueue queue;

    public ExplainPastedError(InvestigationStore store, InvestigationQueue queue) {
        this.store = store;
        this.queue = queue;
    }

    public Response handle(String text, SlashCommandRequest request, SlashCommandContext ctx) {
        SlashCommandPayload payload = request.getPayload();
        long id = store.open(payload.getUserId(), payload.getChannelId(), null, InvestigationSource.SLASH_COMMAND, text);
        boolean queued = queue.submit(new InvestigationJob(id, payload.getUserId(), payload.getChannelId(), null,
                text, payload.getResponseUrl()));
        if (!queued) {
            // Closed, or the sweep would run it after all while the user pastes it again.
            store.finish(id, InvestigationStatus.FAILED, "backlog full");
        }
        String message = queued
                ? ":mag: Investigating… I'll post what I find in a thread in this channel."
                : ":hourglass: I'm working through a backlog of investigations; please paste again in a minute.";
        return ctx.ack(r -> r.responseType("ephemeral").text(message));
    }
}
