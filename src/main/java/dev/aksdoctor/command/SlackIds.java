package dev.aksdoctor.command;

import java.util.regex.Pattern;

/** Shapes of the Slack identifiers handlers accept from payloads before acting on them. */
final class SlackIds {

    private static final Pattern USER = Pattern.compile("[UWB][A-Z0-9]{2,30}");
    private static final Pattern CHANNEL = Pattern.compile("[CGD][A-Z0-9]{2,30}");
    private static final Pattern TS = Pattern.compile("[0-9]{1,12}\\.[0-9]{1,8}");

    private SlackIds() {
    }

    static boolean isUser(String id) {
        return id != null && USER.matcher(id).matches();
    }

    static boolean isChannel(String id) {
        return id != null && CHANNEL.matcher(id).matches();
    }

    static boolean isTs(String ts) {
        return ts != null && TS.matcher(ts).matches();
    }
}
