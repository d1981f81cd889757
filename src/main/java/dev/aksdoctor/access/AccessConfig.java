package dev.aksdoctor.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who may press write buttons on which clusters, and which clusters a channel may touch. Set in
 * {@code application.properties} (or a mounted config file / environment), for example:
 *
 * <pre>
 * aks-doctor.access.operators.platform.scope=/subscriptions/1111…/resourceGroups/rg-prod
 * aks-doctor.access.operators.platform.users=U012AB3CD,U045EF6GH
 * aks-doctor.access.operators.platform.groups=S0614TZR7
 * aks-doctor.access.channels.C0123456789.scopes=/subscriptions/1111…/resourceGroups/rg-prod
 * </pre>
 *
 * Nobody is an operator until configured. A channel without an entry may investigate every cluster the
 * bot's Azure identity can read.
 */
@ConfigMapping(prefix = "aks-doctor.access")
public interface AccessConfig {

    /** Operator rules by a name of your choice. */
    Map<String, OperatorRule> operators();

    /** Channel limits by Slack channel id. */
    Map<String, ChannelRule> channels();

    /** How long the members of an operator user group are reused before Slack is asked again. */
    @WithDefault("2m")
    Duration groupMembersTtl();

    interface OperatorRule {
        /** {@code /}, {@code /subscriptions/<id>} or {@code /subscriptions/<id>/resourceGroups/<name>}. */
        String scope();

        /** Slack user ids (U…, W…). */
        Optional<List<String>> users();

        /** Slack user group ids (S…); members are looked up with usergroups.users.list. */
        Optional<List<String>> groups();
    }

    interface ChannelRule {
        /** The scopes whose clusters this channel may investigate and act on. */
        List<String> scopes();
    }
}
