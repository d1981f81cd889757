package dev.aksdoctor.reply;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.checkboxes;
import static com.slack.api.model.block.element.BlockElements.externalSelect;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.view.View;
import java.util.List;

/** The "Pick the cluster" modal: subscription, resource group and cluster with type-ahead, or a pasted resource ID. */
public final class ClusterPickerView {

    public static final String CALLBACK = "pick_cluster_submit";
    public static final String SUB_BLOCK = "pick_sub";
    public static final String SUB_ACTION = "pick_sub";
    public static final String GROUP_BLOCK = "pick_rg";
    public static final String GROUP_ACTION = "pick_rg";
    public static final String CLUSTER_BLOCK = "pick_cluster_block";
    public static final String CLUSTER_ACTION = "pick_cluster_name";
    public static final String ID_BLOCK = "pick_id";
    public static final String ID_ACTION = "pick_id";
    public static final String DEFAULT_BLOCK = "pick_default";
    public static final String DEFAULT_ACTION = "pick_default";
    public static final String DEFAULT_VALUE = "default";

    public static final String NOT_A_RESOURCE_ID = "That is not a managed cluster resource ID: "
            + "/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.ContainerService/managedClusters/<name>";
    public static final String PICK_AGAIN = "Pick the cluster again.";
    public static final String PICK_ONE = "Pick a cluster, or paste its resource ID below.";
    public static final String RETRY = "pick the cluster again in a minute";

    private ClusterPickerView() {
    }

    /** Under the field: the picked cluster lies outside what the channel may use. */
    public static String limitedTo(String scopes) {
        return "This channel is limited to " + scopes + ".";
    }

    /** To the picker, after the re-run started. */
    public static String checking(String cluster, String resourceId, boolean madeDefault) {
        return madeDefault
                ? ":white_check_mark: Checking " + Mrkdwn.code(cluster) + "; it is now this channel's default cluster."
                : "Checking " + Mrkdwn.code(cluster) + ". To make it this channel's default: `/aks-doctor use " + resourceId + "`";
    }

    public static View modal(String privateMetadata) {
        return view(v -> v.type("modal").callbackId(CALLBACK).privateMetadata(privateMetadata)
                .title(viewTitle(t -> t.type("plain_text").text("Pick the cluster")))
                .submit(viewSubmit(t -> t.type("plain_text").text("Check it")))
                .close(viewClose(t -> t.type("plain_text").text("Cancel")))
                .blocks(List.of(
                        section(s -> s.text(markdownText("Which cluster should I check? Type to search the clusters "
                                + "I can see, or paste its resource ID."))),
                        input(i -> i.blockId(SUB_BLOCK).optional(true).label(plainText("Subscription"))
                                .element(externalSelect(e -> e.actionId(SUB_ACTION).minQueryLength(0)
                                        .placeholder(plainText("Any subscription"))))),
                        input(i -> i.blockId(GROUP_BLOCK).optional(true).label(plainText("Resource group"))
                                .element(externalSelect(e -> e.actionId(GROUP_ACTION).minQueryLength(0)
                                        .placeholder(plainText("Any resource group"))))),
                        input(i -> i.blockId(CLUSTER_BLOCK).optional(true).label(plainText("Cluster"))
                                .element(externalSelect(e -> e.actionId(CLUSTER_ACTION).minQueryLength(0)
                                        .placeholder(plainText("Type part of its name"))))),
                        input(i -> i.blockId(ID_BLOCK).optional(true).label(plainText("…or its resource ID"))
                                .element(plainTextInput(e -> e.actionId(ID_ACTION).placeholder(plainText(
                                        "/subscriptions/…/resourceGroups/…/providers/Microsoft.ContainerService/managedClusters/…"))))),
                        input(i -> i.blockId(DEFAULT_BLOCK).optional(true).label(plainText("Channel default"))
                                .element(checkboxes(c -> c.actionId(DEFAULT_ACTION).options(List.of(option(o -> o
                                        .text(plainText("Use as this channel's default cluster")).value(DEFAULT_VALUE))))))))));
    }
}
