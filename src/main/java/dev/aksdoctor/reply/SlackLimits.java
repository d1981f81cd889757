package dev.aksdoctor.reply;

/** Block Kit limits (docs.slack.dev reference, see shared/reference/slack-bolt.md §4). */
public final class SlackLimits {
    public static final int BLOCKS_PER_MESSAGE = 50;
    public static final int SECTION_TEXT = 3000;
    public static final int SECTION_FIELDS = 10;
    public static final int FIELD_TEXT = 2000;
    public static final int HEADER_TEXT = 150;
    public static final int CONTEXT_ELEMENTS = 10;
    public static final int ACTIONS_ELEMENTS = 25;
    public static final int BUTTON_TEXT = 75;
    public static final int BUTTON_VALUE = 2000;
    public static final int MESSAGE_TEXT = 4000;

    private SlackLimits() {
    }
}
