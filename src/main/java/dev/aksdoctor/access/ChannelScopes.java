package dev.aksdoctor.access;

import dev.aksdoctor.diagnosis.ClusterRef;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Which clusters a channel may investigate and act on. A channel without a configured limit may use every
 * cluster the bot can read; a configured channel whose scopes are all invalid may use none (fail closed).
 */
@ApplicationScoped
public class ChannelScopes {

    private static final Logger LOG = Logger.getLogger(ChannelScopes.class);

    private final Map<String, List<Scope>> limits = new HashMap<>();

    public ChannelScopes(AccessConfig config) {
        config.channels().forEach((channel, rule) -> {
            List<Scope> scopes = new ArrayList<>();
            for (String text : rule.scopes()) {
                Optional<Scope> scope = Scope.parse(text);
                if (scope.isPresent()) {
                    scopes.add(scope.get());
                } else {
                    LOG.errorf("Ignoring invalid scope '%s' for channel %s", text, channel);
                }
            }
            limits.put(channel, List.copyOf(scopes));
        });
    }

    /** The channel's limit, or empty when it has none. */
    public Optional<List<Scope>> limit(String channel) {
        return Optional.ofNullable(limits.get(channel));
    }

    public boolean permits(String channel, ClusterRef cluster) {
        List<Scope> scopes = limits.get(channel);
        return scopes == null || scopes.stream().anyMatch(s -> s.contains(cluster));
    }

    /** Whether a subscription (and group, when given) may hold clusters this channel may use. */
    public boolean mayShow(String channel, String subscription, String group) {
        List<Scope> scopes = limits.get(channel);
        return scopes == null || scopes.stream().anyMatch(s -> s.overlaps(subscription, group));
    }

    /** Human text for a refusal: the scopes the channel is limited to. */
    public String describe(String channel) {
        List<Scope> scopes = limits.get(channel);
        if (scopes == null) {
            return "any cluster";
        }
        if (scopes.isEmpty()) {
            return "no cluster (its configured scopes are invalid)";
        }
        return String.join(", ", scopes.stream().map(Scope::toString).toList());
    }
}
