package dev.aksdoctor.reply;

import dev.aksdoctor.diagnosis.ClusterRef;
import java.util.List;
import java.util.stream.Collectors;

/** What {@code use} and {@code autodetect} answer about a channel's settings. Pure. */
public final class ChannelReplies {

    public static final String NO_DEFAULT = "This channel has no default cluster. Set one with `/aks-doctor use <resource ID or "
            + "resource-group/name>`.";
    public static final String DEFAULT_CLEARED = "This channel no longer has a default cluster.";
    public static final String AUTODETECT_ON = ":eyes: Autodetect is *on* in this channel: messages that look like an AKS "
            + "error get a diagnosis in their thread. Make sure I'm a member here (`/invite @aks-doctor`).";
    public static final String AUTODETECT_OFF = "Autodetect is *off* in this channel. Use the message shortcut or mention "
            + "me to diagnose.";

    private ChannelReplies() {
    }

    public static String defaultCluster(ClusterRef c) {
        return "This channel's default cluster is " + Mrkdwn.code(c.displayName()) + " (subscription " + c.subscriptionId()
                + ").";
    }

    public static String defaultSet(ClusterRef cluster) {
        return ":white_check_mark: Investigations in this channel now default to " + Mrkdwn.code(cluster.displayName())
                + " (subscription " + cluster.subscriptionId() + ") when a paste names no cluster.";
    }

    public static String lookingFor(String typed) {
        return ":mag: Looking for " + Mrkdwn.code(typed) + " among the clusters I can see; I'll answer here in a moment.";
    }

    public static String cannotList(String why) {
        return "I couldn't list the clusters I can see: " + Mrkdwn.escape(why) + ". A full resource ID works without listing.";
    }

    public static String notFound(String typed) {
        return "I can't find a cluster " + Mrkdwn.code(typed) + " among those I can see. Use its resource ID "
                + "(`/subscriptions/…/resourceGroups/…/providers/Microsoft.ContainerService/managedClusters/…`) "
                + "or `<resource group>/<name>`.";
    }

    public static String ambiguous(String typed, List<ClusterRef> matches) {
        return Mrkdwn.code(typed) + " matches " + matches.size() + " clusters ("
                + matches.stream().map(r -> Mrkdwn.code(r.resourceId().orElse(r.displayName())))
                        .collect(Collectors.joining(", ")) + "). Use the resource ID.";
    }

    public static String autodetectState(boolean on) {
        return "Autodetect is *" + (on ? "on" : "off") + "* in this channel. "
                + "Use `/aks-doctor autodetect on` or `/aks-doctor autodetect off`.";
    }
}
