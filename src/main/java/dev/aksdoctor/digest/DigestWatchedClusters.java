package dev.aksdoctor.digest;

import dev.aksdoctor.access.ChannelScopes;
import dev.aksdoctor.diagnosis.ClusterRef;
import dev.aksdoctor.home.WatchedClusters;
import dev.aksdoctor.investigation.Investigation;
import dev.aksdoctor.reply.WatchedClusterSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * App Home's watched clusters, from the digest watch list. A user sees the watches of the channels they
 * added a watch in or investigated in: Slack's API would need a call per channel to know membership, and
 * showing every channel's watches would leak private channels' clusters.
 */
@ApplicationScoped
public class DigestWatchedClusters implements WatchedClusters {

    private final ChannelScopes scopes;

    public DigestWatchedClusters(ChannelScopes scopes) {
        this.scopes = scopes;
    }

    @Override
    @Transactional
    public List<WatchedClusterSummary> forUser(String user, int limit) {
        Set<String> channels = Investigation.<Investigation>find("requester", user).stream()
                .map(i -> i.channel).collect(Collectors.toSet());
        WatchedCluster.<WatchedCluster>find("addedBy", user).stream().forEach(w -> channels.add(w.channel));
        if (channels.isEmpty()) {
            return List.of();
        }
        List<WatchedCluster> watches = WatchedCluster.<WatchedCluster>find("channel in ?1 order by addedAt desc",
                List.copyOf(channels)).page(0, limit).list();
        Map<String, DigestSchedule> schedules = DigestSchedule.<DigestSchedule>find("channel in ?1", List.copyOf(channels))
                .stream().collect(Collectors.toMap(s -> s.channel, Function.identity(), (a, b) -> a));
        List<WatchedClusterSummary> result = new ArrayList<>();
        for (WatchedCluster w : watches) {
            Optional<ClusterRef> ref = ClusterRef.findResourceId(w.clusterId);
            if (ref.isEmpty() || !scopes.permits(w.channel, ref.get())) {
                continue;
            }
            DigestSchedule schedule = schedules.get(w.channel);
            boolean digested = schedule != null && schedule.lastDigestAt != null;
            List<ReportedFinding> open = ReportedFinding.<ReportedFinding>find("channel = ?1 and clusterId = ?2",
                    w.channel, w.clusterId).list();
            String name = ClusterRef.findResourceId(w.clusterId).map(ClusterRef::displayName).orElse(w.clusterId);
            String state = !digested ? "no digest yet" : open.isEmpty() ? "healthy at the last digest" : open.get(0).summary;
            result.add(new WatchedClusterSummary(name, w.channel, digested ? open.isEmpty() : null, state,
                    digested ? schedule.lastDigestAt : null));
        }
        return result;
    }
}
