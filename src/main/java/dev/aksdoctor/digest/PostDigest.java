package dev.aksdoctor.digest;

import dev.aksdoctor.access.ChannelScopes;
import dev.aksdoctor.azure.ArmGateway;
import dev.aksdoctor.channel.ChannelSettings;
import dev.aksdoctor.check.AksDetectors;
import dev.aksdoctor.check.DetectorWindow;
import dev.aksdoctor.diagnosis.ClusterRef;
import dev.aksdoctor.reply.Digest;
import dev.aksdoctor.reply.DigestRenderer;
import dev.aksdoctor.slack.SlackGateway;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Posts one channel's digest for one slot: claim the slot, fetch (and, when the channel asked for them, run the AKS
 * detectors of the clusters it may read), build, post, remember what was said.
 */
@ApplicationScoped
public class PostDigest {

    private static final Logger LOG = Logger.getLogger(PostDigest.class);

    private final DigestStore store;
    private final ArmGateway arm;
    private final SlackGateway slack;
    private final DigestSettings settings;
    private final Clock clock;
    private final ChannelScopes scopes;
    private final ChannelSettings channels;
    private final AksDetectors detectors;

    public PostDigest(DigestStore store, ArmGateway arm, SlackGateway slack, DigestSettings settings, Clock clock,
            ChannelScopes scopes, ChannelSettings channels, AksDetectors detectors) {
        this.scopes = scopes;
        this.channels = channels;
        this.detectors = detectors;
        this.store = store;
        this.arm = arm;
        this.slack = slack;
        this.settings = settings;
        this.clock = clock;
    }

    /** False when the slot was already taken (another replica posted it) or nothing is watched. */
    public boolean post(String channel, long slot) {
        List<String> watched = store.watched(channel);
        if (watched.isEmpty()) {
            return false;
        }
        if (!store.claimRun(channel, slot)) {
            LOG.debugf("Digest of %s for slot %d already taken", channel, slot);
            return false;
        }
        Instant now = clock.instant();
        ZoneId zone = store.schedule(channel).map(s -> ZoneId.of(s.timeZone)).orElse(ZoneId.of(settings.defaultTimeZone()));
        Instant since = store.schedule(channel).map(s -> s.lastDigestAt).orElse(null);
        if (since == null) {
            since = now.minus(settings.firstLookBack());
        }
        // Clusters outside the channel's access limit (watched before the limit, or the limit changed) are not
        // read: the digest names them as skipped, so the channel knows to unwatch them.
        List<String> permitted = new ArrayList<>();
        List<ClusterHealth> skipped = new ArrayList<>();
        for (String id : watched) {
            Optional<ClusterRef> ref = ClusterRef.findResourceId(id);
            if (ref.isPresent() && scopes.permits(channel, ref.get())) {
                permitted.add(id);
            } else {
                skipped.add(new ClusterHealth(id.toLowerCase(Locale.ROOT), ref.map(ClusterRef::displayName).orElse(id),
                        null, null, List.of(), List.of(), List.of(), "not read: outside this channel's access limit ("
                        + scopes.describe(channel) + "); unwatch it"));
            }
        }
        // The detectors take seconds a cluster: they run beside the digest's other reads, within their own time box.
        Optional<CollectDetectorInsights.Running> detectorRuns = Optional.empty();
        DetectorWindow window = DetectorWindow.since(since, now);
        if (channels.digestDetectors(channel)) {
            detectorRuns = Optional.of(new CollectDetectorInsights(detectors, settings.armConcurrency(),
                    settings.detectorsTimeout()).start(permitted.stream().map(id -> ClusterRef.findResourceId(id)
                            .orElseThrow()).toList(), window));
        }
        List<ClusterHealth> facts = new ArrayList<>(
                new CollectDigestFacts(arm, settings.armConcurrency()).collect(permitted, since, now));
        facts.addAll(skipped);
        Digest digest = new DigestBuilder(clock).build(facts, store.reported(channel), since, zone);
        if (detectorRuns.isPresent()) {
            // A cluster the digest could not read already says so; its detectors would only say it again.
            Set<String> unreadable = facts.stream().filter(f -> f.readError() != null).map(ClusterHealth::clusterId)
                    .collect(Collectors.toSet());
            List<ClusterDetectors> runs = detectorRuns.get().results().stream().filter(r -> !unreadable.contains(
                    r.cluster().resourceId().orElseThrow().toLowerCase(Locale.ROOT))).toList();
            digest = digest.withDetectors(DetectorInsights.of(runs, window, settings.detectorsTimeout()));
        }
        slack.postMessage(channel, null, DigestRenderer.fallbackText(digest), DigestRenderer.render(digest, zone));
        store.recordDigest(channel, digest);
        return true;
    }
}
