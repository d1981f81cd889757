package dev.aksdoctor.command;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.aksdoctor.diagnosis.Diagnosis;
import dev.aksdoctor.diagnosis.PasteParser;
import dev.aksdoctor.investigation.InvestigationSource;
import dev.aksdoctor.investigation.StartInvestigation;
import dev.aksdoctor.reply.CommandReplies;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code /aks-doctor <pasted error>}: records the investigation, queues it and acks at once with an
 * ephemeral "investigating…"; the answer arrives in a thread posted by the background job.
 */
@ApplicationScoped
public class ExplainPastedError {

    private final StartInvestigation start;
    private final PasteParser parser;

    public ExplainPastedError(StartInvestigation start, PasteParser parser) {
        this.start = start;
        this.parser = parser;
    }

    public Response handle(String text, SlashCommandRequest request, SlashCommandContext ctx) {
        SlashCommandPayload payload = request.getPayload();
        Diagnosis diagnosis = parser.parse(text);
        if (!diagnosis.recognized() && diagnosis.cluster() == null) {
            // Nothing to check against: only the person who typed it sees that, not the whole channel.
            return ctx.ack(r -> r.responseType("ephemeral").text(CommandReplies.notRecognised()));
        }
        // No thread yet: slash commands cannot run inside threads, so the job posts a root message and answers there.
        StartInvestigation.Started started = start.inThread(InvestigationSource.SLASH_COMMAND, payload.getUserId(),
                payload.getChannelId(), null, text, payload.getResponseUrl(), false);
        return ctx.ack(r -> r.responseType("ephemeral").text(CommandReplies.pasteReceived(started)));
    }
}
