package dev.aksdoctor.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.aksdoctor.digest.DigestSchedules;
import dev.aksdoctor.digest.DigestSettings;
import dev.aksdoctor.digest.DigestStore;
import dev.aksdoctor.reply.Mrkdwn;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quartz.SchedulerException;

/**
 * {@code /aks-doctor digest now}, {@code /aks-doctor digest schedule "<Quartz cron>" [Time/Zone]}, and
 * {@code /aks-doctor digest} to show the schedule.
 */
@ApplicationScoped
public class DigestCommand implements SubCommand {

    private static final Pattern SCHEDULE = Pattern.compile("schedule\\s+[\"“”']([^\"“”']{1,120})[\"“”']\\s*([A-Za-z_/+\\-0-9]{1,64})?\\s*",
            Pattern.CASE_INSENSITIVE);
    static final String USAGE = "Usage: `/aks-doctor digest now`, `/aks-doctor digest schedule \"0 0 9 ? * MON-FRI\" Europe/Berlin` "
            + "(Quartz cron: seconds minutes hours day-of-month month day-of-week).";

    private final DigestStore store;
    private final DigestSchedules schedules;
    private final DigestSettings settings;

    public DigestCommand(DigestStore store, DigestSchedules schedules, DigestSettings settings) {
        this.store = store;
        this.schedules = schedules;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "digest";
    }

    @Override
    public Response handle(String arguments, SlashCommandRequest request, SlashCommandContext ctx) {
        String channel = request.getPayload().getChannelId();
        String user = request.getPayload().getUserId();
        String args = arguments == null ? "" : arguments.strip();
        if (args.isEmpty()) {
            String text = store.schedule(channel).map(s -> "Digest schedule: " + Mrkdwn.code(s.cron) + " (" + s.timeZone + ").")
                    .orElse("No digest schedule yet; watching a cluster sets " + Mrkdwn.code(settings.defaultCron())
                            + " (" + settings.defaultTimeZone() + ").") + " " + USAGE;
            return ctx.ack(r -> r.responseType("ephemeral").text(text));
        }
        if (args.equalsIgnoreCase("now")) {
            if (store.watchedCount(channel) == 0) {
                return ctx.ack(r -> r.responseType("ephemeral").text("This channel watches no clusters yet. "
                        + "Add one with `/aks-doctor watch <cluster resource ID>`."));
            }
            boolean queued = schedules.now(channel);
            return ctx.ack(r -> r.responseType("ephemeral").text(queued ? ":hourglass_flowing_sand: Building the digest; it will appear in this channel."
                    : "I couldn't queue the digest; please try again in a minute."));
        }
        Matcher m = SCHEDULE.matcher(args);
        if (!m.matches()) {
            return ctx.ack(r -> r.responseType("ephemeral").text(USAGE));
        }
        String cron = m.group(1).strip();
        String zone = m.group(2) == null ? store.schedule(channel).map(s -> s.timeZone).orElse(settings.defaultTimeZone()) : m.group(2);
        if (!DigestSchedules.validCron(cron)) {
            return ctx.ack(r -> r.responseType("ephemeral").text(Mrkdwn.code(cron) + " is not a Quartz cron expression. " + USAGE));
        }
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            return ctx.ack(r -> r.responseType("ephemeral").text(Mrkdwn.code(zone) + " is not a time zone (use e.g. `Europe/Berlin`)."));
        }
        try {
            schedules.set(channel, cron, zone, user);
        } catch (SchedulerException e) {
            return ctx.ack(r -> r.responseType("ephemeral").text("I couldn't set the schedule: " + Mrkdwn.escape(e.getMessage())));
        }
        return ctx.ack(r -> r.responseType("in_channel").text("<@" + user + "> set this channel's digest to "
                + Mrkdwn.code(cron) + " (" + zone + ")."));
    }
}
