package dev.aksdoctor.slack;

/** A Slack Web API call that failed for good; {@link #error()} is Slack's error code (e.g. not_in_channel). */
public class SlackCallFailed extends RuntimeException {

    private final String method;
    private final String error;

    public SlackCallFailed(String method, String error) {
        super("Slack " + method + " failed: " + error);
        this.method = method;
        this.error = error;
    }

    public String method() {
        return method;
    }

    public String error() {
        return error;
    }

    /** The bot cannot post here until someone invites it. */
    public boolean needsInvite() {
        return "not_in_channel".equals(error) || "channel_not_found".equals(error);
    }
}
