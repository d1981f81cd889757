package dev.aksdoctor.channel;

import dev.aksdoctor.diagnosis.ClusterRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

/**
 * Per-channel choices: {@code /aks-doctor use <cluster>}, {@code /aks-doctor autodetect on|off} and
 * {@code /aks-doctor digest detectors on|off}.
 */
@ApplicationScoped
public class ChannelSettings {

    private final Clock clock;

    public ChannelSettings(Clock clock) {
        this.clock = clock;
    }

    /** The cluster investigations in this channel fall back to when the paste does not name one. */
    @Transactional
    public Optional<ClusterRef> channelDefault(String channel) {
        return find(channel).map(s -> s.defaultClusterId).flatMap(ClusterRef::findResourceId);
    }

    @Transactional
    public boolean autodetect(String channel) {
        return find(channel).map(s -> s.autodetect).orElse(false);
    }

    /** Whether the channel's digest includes the AKS detectors' critical insights (off until asked for). */
    @Transactional
    public boolean digestDetectors(String channel) {
        return find(channel).map(s -> s.digestDetectors).orElse(false);
    }

    @Transactional
    public void setDigestDetectors(String channel, boolean on, String user) {
        ChannelSetting s = findOrNew(channel);
        s.digestDetectors = on;
        touch(s, user);
    }

    /** Sets (or with null clears) the channel's default cluster. */
    @Transactional
    public void setDefault(String channel, ClusterRef cluster, String user) {
        ChannelSetting s = findOrNew(channel);
        s.defaultClusterId = cluster == null ? null : cluster.resourceId().orElseThrow(
                () -> new IllegalArgumentException("a default cluster needs its subscription"));
        touch(s, user);
    }

    @Transactional
    public void setAutodetect(String channel, boolean on, String user) {
        ChannelSetting s = findOrNew(channel);
        s.autodetect = on;
        touch(s, user);
    }

    private Optional<ChannelSetting> find(String channel) {
        return channel == null ? Optional.empty() : ChannelSetting.findByIdOptional(channel);
    }

    private ChannelSetting findOrNew(String channel) {
        return find(channel).orElseGet(() -> {
            ChannelSetting s = new ChannelSetting();
            s.channel = channel;
            return s;
        });
    }

    private void touch(ChannelSetting s, String user) {
        s.updatedBy = user;
        s.updatedAt = clock.instant();
        s.persist();
    }
}
