package dev.aksdoctor.command;

import com.slack.api.bolt.App;
import com.slack.api.model.event.MessageEvent;
import dev.aksdoctor.channel.ChannelSettings;
import dev.aksdoctor.diagnosis.PasteParser;
import dev.aksdoctor.investigation.InvestigationSource;
import dev.aksdoctor.investigation.StartInvestigation;
import dev.aksdoctor.slack.SlackDeliveries;
import dev.aksdoctor.slack.SlackRoute;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * In channels that turned autodetect on, a message that looks like an AKS error is diagnosed in its thread.
 * Bot messages (the bot's own included), edits and other subtypes are ignored, and so is a message that
 * mentions the bot: the mention handler answers it.
 */
@ApplicationScoped
public class AutodetectErrors implements SlackRoute {

    /** Longer messages are not pasted errors worth parsing on the request thread. */
    static final int MAX_TEXT = 40_000;

    private final ChannelSettings settings;
    private final PasteParser parser;
    private final SlackDeliveries deliveries;
    private final StartInvestigation start;

    public AutodetectErrors(ChannelSettings settings, PasteParser parser, SlackDeliveries deliveries,
            StartInvestigation start) {
        this.settings = settings;
        this.parser = parser;
        this.deliveries = deliveries;
        this.start = start;
    }

    @Override
    public void register(App app) {
        app.event(MessageEvent.class, (payload, ctx) -> {
            MessageEvent event = payload.getEvent();
            if (event == null || event.getBotId() != null || event.getBotProfile() != null
                    || event.getEdited() != null
                    || !SlackIds.isUser(event.getUser()) || !SlackIds.isChannel(event.getChannel())
                    || !SlackIds.isTs(event.getTs()) || event.getText() == null
                    || event.getText().length() > MAX_TEXT
                    || (ctx.getBotUserId() != null && (event.getUser().equals(ctx.getBotUserId())
                            || event.getText().contains("<@" + ctx.getBotUserId())))) {
                return ctx.ack();
            }
            if (!settings.autodetect(event.getChannel()) || !parser.parse(event.getText()).recognized()) {
                return ctx.ack();
            }
            if (!deliveries.firstTime("event:" + payload.getEventId())
                    || !deliveries.firstTime(DiagnoseOnMention.diagnosisKey(event.getChannel(), event.getTs()))) {
                return ctx.ack();
            }
            String thread = SlackIds.isTs(event.getThreadTs()) ? event.getThreadTs() : event.getTs();
            start.inThread(InvestigationSource.AUTODETECT, event.getUser(), event.getChannel(), thread,
                    event.getText(), null, false);
            return ctx.ack();
        });
    }
}
