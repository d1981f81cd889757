package dev.aksdoctor.access;

import dev.aksdoctor.diagnosis.ClusterRef;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * Which clusters a channel may investigate and act on. A channel without a configured limit may use every
 * cluster the bot can read; a limit that cannot be read stops the service at start ({@link AccessRules}).
 */
@ApplicationScoped
public class ChannelScopes {

    private final AccessRules rules;

    public ChannelScopes(AccessRules rules) {
        this.rules = rules;
    }

    /** The channel's limit, or empty when it has none. */
    public Optional<List<Scope>> limit(String channel) {
        return rules.channelLimit(channel);
    }

    public boolean permits(String channel, ClusterRef cluster) {
        return limit(channel).map(scopes -> scopes.stream().anyMatch(s -> s.contains(cluster))).orElse(true);
    }

    /** Whether a subscription (and group, when given) may hold clusters this channel may use. */
    public boolean mayShow(String channel, String subscription, String group) {
        return limit(channel).map(scopes -> scopes.stream().anyMatch(s -> s.overlaps(subscription, group)))
                .orElse(true);
    }

    /** Human text for a refusal: the scopes the channel is limited to. */
    public String describe(String channel) {
        return limit(channel).map(scopes -> String.join(", ", scopes.stream().map(Scope::toString).toList()))
                .orElse("any cluster");
    }
}
