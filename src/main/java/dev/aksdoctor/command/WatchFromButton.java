package dev.aksdoctor.command;

import com.slack.api.bolt.App;
import dev.aksdoctor.action.NextActionHandler;
import dev.aksdoctor.check.NextAction;
import dev.aksdoctor.slack.SlackRoute;
import jakarta.enterprise.context.ApplicationScoped;

/** "Watch this cluster": adds the investigated cluster to the channel's digest watch list. */
@ApplicationScoped
public class WatchFromButton implements SlackRoute, NextActionHandler {

    private final FreshPresses presses;
    private final ButtonGuard guard;
    private final WatchCluster watch;

    public WatchFromButton(FreshPresses presses, ButtonGuard guard, WatchCluster watch) {
        this.presses = presses;
        this.guard = guard;
        this.watch = watch;
    }

    @Override
    public NextAction action() {
        return NextAction.WATCH_CLUSTER;
    }

    @Override
    public void register(App app) {
        presses.onPress(app, action(), press -> guard.permitRead(press)
                .ifPresent(ref -> guard.tell(press, watch.watch(press.channel(), ref, press.user()))));
    }
}
