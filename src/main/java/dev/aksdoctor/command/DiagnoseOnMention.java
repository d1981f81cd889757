package dev.aksdoctor.command;

import com.slack.api.bolt.App;
import com.slack.api.model.Message;
import com.slack.api.model.event.AppMentionEvent;
import dev.aksdoctor.diagnosis.PasteParser;
import dev.aksdoctor.investigation.InvestigationSource;
import dev.aksdoctor.investigation.StartInvestigation;
import dev.aksdoctor.reply.MentionReplies;
import dev.aksdoctor.slack.SlackCallFailed;
import dev.aksdoctor.slack.SlackDeliveries;
import dev.aksdoctor.slack.SlackGateway;
import dev.aksdoctor.slack.SlackRoute;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * {@code @aks-doctor} in a thread: diagnoses the mention's own text when it holds an AKS error, else the
 * thread's first message, and answers in the thread.
 */
@ApplicationScoped
public class DiagnoseOnMention implements SlackRoute {

    private static final Logger LOG = Logger.getLogger(DiagnoseOnMention.class);
    private static final Pattern MENTION = Pattern.compile("<@[UWB][A-Z0-9]{2,30}(\\|[^>]{0,80})?>");

    private final StartInvestigation start;
    private final SlackDeliveries deliveries;
    private final SlackGateway slack;
    private final PasteParser parser;
    private final BackgroundWork background;
    private final ThreadCluster threadCluster;

    public DiagnoseOnMention(StartInvestigation start, SlackDeliveries deliveries, SlackGateway slack, PasteParser parser,
            BackgroundWork background, ThreadCluster threadCluster) {
        this.threadCluster = threadCluster;
        this.start = start;
        this.deliveries = deliveries;
        this.slack = slack;
        this.parser = parser;
        this.background = background;
    }

    @Override
    public void register(App app) {
        app.event(AppMentionEvent.class, (payload, ctx) -> {
            AppMentionEvent event = payload.getEvent();
            if (event == null || event.getBotId() != null || event.getSubtype() != null
                    || !SlackIds.isUser(event.getUser()) || !SlackIds.isChannel(event.getChannel())
                    || !SlackIds.isTs(event.getTs())) {
                return ctx.ack();
            }
            if (!deliveries.firstTime("event:" + payload.getEventId())
                    || !deliveries.firstTime(diagnosisKey(event.getChannel(), event.getTs()))) {
                return ctx.ack();
            }
            background.submit("mention " + event.getChannel() + "/" + event.getTs(), () -> diagnose(event));
            return ctx.ack();
        });
    }

    /** One message is diagnosed once, whether it arrives as a mention, as a message, or both. */
    static String diagnosisKey(String channel, String ts) {
        return "diagnose:" + channel + ":" + ts;
    }

    private void diagnose(AppMentionEvent event) {
        String own = MENTION.matcher(event.getText() == null ? "" : event.getText()).replaceAll(" ").strip();
        String threadTs = SlackIds.isTs(event.getThreadTs()) ? event.getThreadTs() : null;
        String answerIn = threadTs != null ? threadTs : event.getTs();
        try {
            String text;
            if (!own.isEmpty() && parser.parse(own).recognized()) {
                text = own;
            } else if (threadTs != null && !threadTs.equals(event.getTs())) {
                Optional<String> root = slack.threadRoot(event.getChannel(), threadTs).map(Message::getText)
                        .filter(t -> !t.isBlank());
                if (root.isEmpty()) {
                    slack.postMessage(event.getChannel(), answerIn, MentionReplies.NOTHING_TO_READ,
                            MentionReplies.text(MentionReplies.NOTHING_TO_READ));
                    return;
                }
                text = root.get();
            } else if (!own.isEmpty()) {
                text = own;
            } else {
                slack.postMessage(event.getChannel(), answerIn, MentionReplies.HOW_TO,
                        MentionReplies.text(MentionReplies.HOW_TO));
                return;
            }
            text = threadCluster.withThreadsCluster(event.getChannel(), answerIn, text);
            StartInvestigation.Started started = start.inThread(InvestigationSource.MENTION, event.getUser(),
                    event.getChannel(), answerIn, text, null, false);
            if (!started.queued()) {
                String why = started == StartInvestigation.Started.NOT_STORED ? MentionReplies.NOT_STORED
                        : started == StartInvestigation.Started.RATE_LIMITED ? MentionReplies.RATE_LIMITED
                        : MentionReplies.BACKLOG;
                slack.postMessage(event.getChannel(), answerIn, why, MentionReplies.text(why));
            }
        } catch (SlackCallFailed e) {
            LOG.warnf("Could not answer a mention in %s: %s", event.getChannel(), e.error());
        }
    }
}
