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
import jakarta.persistence.PersistenceException;
import org.jboss.logging.Logger;

/**
 * {@code /aks-doctor <pasted error>}: records the investigation, queues it and acks at once with an
 * ephemeral "investigating…"; the answer arrives in a thread posted by the background job.
 */
@ApplicationScoped
public class ExplainPastedError {

    private static final Logger LOG = Logger.getLogger(ExplainPastedError.class);

    private final InvestigationStore store;
    private final InvestigationQueue queue;

    public ExplainPastedError(InvestigationStore store, InvestigationQueue queue) {
        this.store = store;
        this.queue = queue;
    }

    public Response handle(String text, SlashCommandRequest request, SlashCommandContext ctx) {
        SlashCommandPayload payload = request.getPayload();
        long id;
        try {
            id = store.open(payload.getUserId(), payload.getChannelId(), null, InvestigationSource.SLASH_COMMAND, text);
        } catch (PersistenceException e) {
            // Slack never resends a slash command: say plainly that nothing started, rather than a bare 500.
            LOG.errorf("Could not store a pasted error from %s in %s: %s", payload.getUserId(), payload.getChannelId(),
                    e.getMessage());
            return ctx.ack(r -> r.responseType("ephemeral").text(":warning: I couldn't record this paste: my database "
                    + "is not answering, so no investigation started. Please paste it again in a minute."));
        }
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
