package dev.aksdoctor.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.aksdoctor.digest.DigestSchedules;
import dev.aksdoctor.digest.DigestSettings;
import dev.aksdoctor.digest.DigestStore;
import dev.aksdoctor.reply.Usage;
import dev.aksdoctor.reply.WatchReplies;
import dev.aksdoctor.slack.SlackDeliveries;
import dev.aksdoctor.slack.SlackGateway;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quartz.SchedulerException;

/**
 * {@code /aks-doctor digest now}, {@code /aks-doctor digest schedule "<Quartz cron>" [Time/Zone]},
 * {@code /aks-doctor digest detectors on|off} ({@link ToggleDigestDetectors}), and {@code /aks-doctor digest} to show
 * the schedule.
 */
@ApplicationScoped
public class DigestCommand implements SubCommand {

    private static final Pattern SCHEDULE = Pattern.compile("schedule\\s+[\"“”']([^\"“”']{1,120})[\"“”']\\s*([A-Za-z_/+\\-0-9]{1,64})?\\s*",
            Pattern.CASE_INSENSITIVE);

    private final DigestStore store;
    private final DigestSchedules schedules;
    private final DigestSettings settings;
    private final SlackDeliveries deliveries;
    private final Clock clock;
    private final BackgroundWork background;
    private final SlackGateway slack;
    private final ToggleDigestDetectors detectors;

    public DigestCommand(DigestStore store, DigestSchedules schedules, DigestSettings settings,
            SlackDeliveries deliveries, Clock clock, BackgroundWork background, SlackGateway slack,
            ToggleDigestDetectors detectors) {
        this.background = background;
        this.slack = slack;
        this.detectors = detectors;
        this.deliveries = deliveries;
        this.clock = clock;
        this.store = store;
        this.schedules = schedules;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "digest";
    }

    @Override
    public Usage usage() {
        return new Usage(List.of("digest", "digest now", "digest schedule \"<cron>\" [Time/Zone]",
                "digest detectors on|off"), "health digests, optionally with the AKS detectors' critical insights");
    }

    @Override
    public Response handle(String arguments, SlashCommandRequest request, SlashCommandContext ctx) {
        String channel = request.getPayload().getChannelId();
        String user = request.getPayload().getUserId();
        String args = arguments == null ? "" : arguments.strip();
        if (args.isEmpty()) {
            String text = store.schedule(channel).map(s -> WatchReplies.digestSchedule(s.cron, s.timeZone))
                    .orElse(WatchReplies.noDigestSchedule(settings.defaultCron(), settings.defaultTimeZone()));
            return ephemeral(ctx, text);
        }
        if (args.equalsIgnoreCase("now")) {
            if (store.watchedCount(channel) == 0) {
                return ephemeral(ctx, WatchReplies.NO_WATCHES_YET);
            }
            // One "now" per channel per cooldown, shared by every replica: each digest reads ARM for every cluster.
            long bucket = clock.instant().getEpochSecond() / Math.max(1, settings.nowCooldown().toSeconds());
            if (!deliveries.firstTime("digest-now:" + channel + ":" + bucket)) {
                return ephemeral(ctx, WatchReplies.digestNowTooSoon(settings.nowCooldown()));
            }
            // Queuing is a clustered Quartz write (seconds on a cold replica): after the ack, like every slow step.
            String responseUrl = request.getPayload().getResponseUrl();
            if (responseUrl != null && background.submit("digest now " + channel, () -> {
                if (!schedules.now(channel)) {
                    slack.respondEphemeral(responseUrl, WatchReplies.DIGEST_NOT_QUEUED);
                }
            })) {
                return ephemeral(ctx, WatchReplies.DIGEST_QUEUED);
            }
            return ephemeral(ctx, schedules.now(channel) ? WatchReplies.DIGEST_QUEUED : WatchReplies.DIGEST_NOT_QUEUED);
        }
        String[] words = args.split("\\s+", 2);
        if (words[0].equalsIgnoreCase(ToggleDigestDetectors.WORD)) {
            return detectors.handle(channel, user, words.length > 1 ? words[1] : "", ctx);
        }
        Matcher m = SCHEDULE.matcher(args);
        if (!m.matches()) {
            return ephemeral(ctx, WatchReplies.DIGEST_USAGE);
        }
        if (settings.scheduleEditors().isPresent() && !settings.scheduleEditors().get().contains(user)) {
            return ephemeral(ctx, WatchReplies.scheduleNotYours(settings.scheduleEditors().get()));
        }
        String cron = m.group(1).strip();
        String zone = m.group(2) == null ? store.schedule(channel).map(s -> s.timeZone).orElse(settings.defaultTimeZone()) : m.group(2);
        if (!DigestSchedules.validCron(cron)) {
            return ephemeral(ctx, WatchReplies.notACron(cron));
        }
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            return ephemeral(ctx, WatchReplies.notATimeZone(zone));
        }
        if (DigestSchedules.shortestGap(cron, zone, clock.instant()).compareTo(settings.minInterval()) < 0) {
            return ephemeral(ctx, WatchReplies.scheduleTooFrequent(cron, settings.minInterval()));
        }
        // Everything that can refuse the schedule was checked above; the Quartz write follows the ack.
        String responseUrl = request.getPayload().getResponseUrl();
        boolean later = responseUrl != null && background.submit("digest schedule " + channel, () -> {
            try {
                schedules.set(channel, cron, zone, user);
            } catch (SchedulerException | RuntimeException e) {
                slack.respondEphemeral(responseUrl, WatchReplies.scheduleFailed(e.getMessage()));
            }
        });
        if (!later) {
            try {
                schedules.set(channel, cron, zone, user);
            } catch (SchedulerException e) {
                return ephemeral(ctx, WatchReplies.scheduleFailed(e.getMessage()));
            }
        }
        return ctx.ack(r -> r.responseType("in_channel").text(WatchReplies.scheduleSet(user, cron, zone)));
    }

    private static Response ephemeral(SlashCommandContext ctx, String text) {
        return ctx.ack(r -> r.responseType("ephemeral").text(text));
    }
}
