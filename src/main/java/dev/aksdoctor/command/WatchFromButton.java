package dev.aksdoctor.command;

import com.slack.api.bolt.App;
import dev.aksdoctor.action.NextActionHandler;
import dev.aksdoctor.check.NextAction;
import dev.aksdoctor.diagnosis.ClusterRef;
import dev.aksdoctor.slack.SlackRoute;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

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
        app.blockAction(action().id(), (req, ctx) -> {
            Optional<ButtonPress> fresh = presses.of(req.getPayload());
            if (fresh.isEmpty()) {
                return ctx.ack();
            }
            ButtonPress press = fresh.get();
            Optional<ClusterRef> cluster = guard.permitRead(press);
            cluster.ifPresent(ref -> guard.tell(press, watch.watch(press.channel(), ref, press.user())));
            return ctx.ack();
        });
    }
}
