package dev.aksdoctor.command;

import com.slack.api.bolt.App;
import dev.aksdoctor.azure.ClusterRef;
import dev.aksdoctor.investigation.InvestigationStore;
import dev.aksdoctor.slack.SlackDeliveries;
import dev.aksdoctor.slack.SlackRoute;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** "Watch this cluster": adds the investigated cluster to the channel's digest watch list. */
@ApplicationScoped
public class WatchFromButton implements SlackRoute {

    public static final String ACTION_ID = "watch_cluster";

    private final InvestigationStore investigations;
    private final SlackDeliveries deliveries;
    private final ButtonGuard guard;
    private final WatchCluster watch;

    public WatchFromButton(InvestigationStore investigations, SlackDeliveries deliveries, ButtonGuard guard,
            WatchCluster watch) {
        this.investigations = investigations;
        this.deliveries = deliveries;
        this.guard = guard;
        this.watch = watch;
    }

    @Override
    public void register(App app) {
        app.blockAction(ACTION_ID, (req, ctx) -> {
            Optional<ButtonPress> parsed = ButtonPress.from(req.getPayload(), investigations);
            if (parsed.isEmpty() || (parsed.get().triggerId() != null
                    && !deliveries.firstTime("trigger:" + parsed.get().triggerId()))) {
                return ctx.ack();
            }
            ButtonPress press = parsed.get();
            Optional<ClusterRef> cluster = guard.permitRead(press);
            cluster.ifPresent(ref -> guard.tell(press, watch.watch(press.channel(), ref, press.user())));
            return ctx.ack();
        });
    }
}
