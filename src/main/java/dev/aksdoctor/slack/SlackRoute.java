package dev.aksdoctor.slack;

import com.slack.api.bolt.App;

/** A Slack entry (slash command, shortcut, event, action) that registers its Bolt listener. */
public interface SlackRoute {
    void register(App app);
}
