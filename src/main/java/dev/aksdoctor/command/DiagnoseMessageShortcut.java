package dev.aksdoctor.command;

import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.bolt.App;
import dev.aksdoctor.investigation.InvestigationSource;
import dev.aksdoctor.investigation.StartInvestigation;
import dev.aksdoctor.reply.ButtonReplies;
import dev.aksdoctor.reply.MentionReplies;
import dev.aksdoctor.slack.SlackDeliveries;
import dev.aksdoctor.slack.SlackGateway;
import dev.aksdoctor.slack.SlackRoute;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The message shortcut "Diagnose with AKS Doctor": diagnoses the message it was used on and answers in
 * that message's thread (the thread it belongs to, when it is itself a reply).
 */
@ApplicationScoped
public class DiagnoseMessageShortcut implements SlackRoute {

    public static final String CALLBACK_ID = "diagnose_message";

    private final StartInvestigation start;
    private final SlackDeliveries deliveries;
    private final SlackGateway slack;
    private final ThreadCluster threadCluster;

    public DiagnoseMessageShortcut(StartInvestigation start, SlackDeliveries deliveries, SlackGateway slack,
            ThreadCluster threadCluster) {
        this.threadCluster = threadCluster;
        this.start = start;
        this.deliveries = deliveries;
        this.slack = slack;
    }

    @Override
    public void register(App app) {
        app.messageShortcut(CALLBACK_ID, (req, ctx) -> {
            MessageShortcutPayload p = req.getPayload();
            if (p.getUser() == null || p.getChannel() == null || p.getMessage() == null
                    || !SlackIds.isUser(p.getUser().getId()) || !SlackIds.isChannel(p.getChannel().getId())
                    || !SlackIds.isTs(p.getMessageTs())) {
                return ctx.ack();
            }
            if (p.getTriggerId() != null && !deliveries.firstTime("trigger:" + p.getTriggerId())) {
                return ctx.ack();
            }
            String text = p.getMessage().getText();
            String responseUrl = p.getResponseUrl();
            if (text == null || text.isBlank()) {
                respond(responseUrl, MentionReplies.SHORTCUT_NO_TEXT);
                return ctx.ack();
            }
            String channel = p.getChannel().getId();
            String thread = SlackIds.isTs(p.getMessage().getThreadTs()) ? p.getMessage().getThreadTs() : p.getMessageTs();
            // One answer per message: autodetect or a mention may have answered it, or it is the root of a thread
            // the bot already answers in (its own root message of a slash command).
            boolean threadRoot = thread.equals(p.getMessageTs());
            if (!deliveries.firstTime(DiagnoseOnMention.diagnosisKey(channel, p.getMessageTs()))
                    || (threadRoot && threadCluster.answeredIn(channel, thread).isPresent())) {
                respond(responseUrl, MentionReplies.ALREADY_ANSWERED);
                return ctx.ack();
            }
            text = threadCluster.withThreadsCluster(channel, thread, text);
            StartInvestigation.Started started = start.inThread(InvestigationSource.MESSAGE_SHORTCUT, p.getUser().getId(),
                    channel, thread, text, responseUrl, false);
            if (!started.queued()) {
                respond(responseUrl, ButtonReplies.notStarted(started, "please try again in a minute"));
            }
            return ctx.ack();
        });
    }

    private void respond(String responseUrl, String text) {
        if (responseUrl != null) {
            slack.respondEphemeral(responseUrl, text);
        }
    }
}
