package dev.aksdoctor.digest;

import dev.aksdoctor.reply.Digest;
import dev.aksdoctor.reply.DigestFinding;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Watch lists, schedules, reported findings and digest runs. */
@ApplicationScoped
public class DigestStore {

    private final Clock clock;
    private final EntityManager em;

    public DigestStore(Clock clock, EntityManager em) {
        this.clock = clock;
        this.em = em;
    }

    /** False when the cluster was already watched here. */
    @Transactional
    public boolean watch(String channel, String clusterId, String user) {
        String id = clusterId.toLowerCase(Locale.ROOT);
        if (WatchedCluster.count("channel = ?1 and clusterId = ?2", channel, id) > 0) {
            return false;
        }
        WatchedCluster w = new WatchedCluster();
        w.channel = channel;
        w.clusterId = id;
        w.addedBy = user;
        w.addedAt = clock.instant();
        w.persist();
        return true;
    }

    @Transactional
    public boolean unwatch(String channel, String clusterId) {
        String id = clusterId.toLowerCase(Locale.ROOT);
        ReportedFinding.delete("channel = ?1 and clusterId = ?2", channel, id);
        return WatchedCluster.delete("channel = ?1 and clusterId = ?2", channel, id) > 0;
    }

    @Transactional
    public List<String> watched(String channel) {
        return WatchedCluster.<WatchedCluster>find("channel", Sort.by("clusterId"), channel).list().stream()
                .map(w -> w.clusterId).toList();
    }

    @Transactional
    public long watchedCount(String channel) {
        return WatchedCluster.count("channel", channel);
    }

    @Transactional
    public Optional<DigestSchedule> schedule(String channel) {
        return DigestSchedule.findByIdOptional(channel);
    }

    @Transactional
    public DigestSchedule setSchedule(String channel, String cron, String timeZone, String user) {
        DigestSchedule s = DigestSchedule.<DigestSchedule>findByIdOptional(channel).orElseGet(() -> {
            DigestSchedule created = new DigestSchedule();
            created.channel = channel;
            return created;
        });
        s.cron = cron;
        s.timeZone = timeZone;
        s.updatedBy = user;
        s.updatedAt = clock.instant();
        s.persist();
        return s;
    }

    /**
     * Claims one digest slot for a channel; false when another replica (or an earlier run) already has it.
     * The primary key decides, so two replicas can never both post the digest of one slot.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean claimRun(String channel, long slot) {
        int inserted = em.createNativeQuery("INSERT INTO digest_run (channel, slot, started_at) SELECT ?1, ?2, ?3 "
                        + "WHERE NOT EXISTS (SELECT 1 FROM digest_run WHERE channel = ?1 AND slot = ?2)")
                .setParameter(1, channel).setParameter(2, slot).setParameter(3, clock.instant())
                .executeUpdate();
        return inserted == 1;
    }

    @Transactional
    public Map<String, Digest.ReportedFindingView> reported(String channel) {
        Map<String, Digest.ReportedFindingView> out = new LinkedHashMap<>();
        ReportedFinding.<ReportedFinding>find("channel", channel).list().forEach(f ->
                out.put(f.fingerprint, new Digest.ReportedFindingView(f.clusterId, f.fingerprint, f.summary)));
        return out;
    }

    /** Replaces what the channel has been told with this digest's findings and moves its window on. */
    @Transactional
    public void recordDigest(String channel, Digest digest) {
        Map<String, ReportedFinding> existing = new LinkedHashMap<>();
        ReportedFinding.<ReportedFinding>find("channel", channel).list().forEach(f -> existing.put(f.fingerprint, f));
        Instant now = digest.now();
        for (DigestFinding f : digest.current()) {
            if (existing.remove(f.fingerprint()) == null) {
                ReportedFinding r = new ReportedFinding();
                r.channel = channel;
                r.fingerprint = f.fingerprint();
                r.clusterId = f.clusterId();
                r.code = f.code();
                r.summary = dev.aksdoctor.reply.Mrkdwn.truncate(shortName(f.clusterId()) + ": " + f.text(), 1000);
                r.firstSeen = now;
                r.persist();
            }
        }
        existing.values().forEach(ReportedFinding::delete);
        // An update by query, not a managed entity: when the schedule was removed meanwhile (digest off, a replica's
        // cleanup), nothing is left to stamp, and the digest that was already posted must not fail on it.
        DigestSchedule.update("lastDigestAt = ?1 where channel = ?2", now, channel);
    }

    static String shortName(String clusterId) {
        return dev.aksdoctor.diagnosis.ClusterRef.findResourceId(clusterId).map(dev.aksdoctor.diagnosis.ClusterRef::displayName)
                .orElse(clusterId);
    }
}
