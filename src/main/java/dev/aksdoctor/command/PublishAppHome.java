package dev.aksdoctor.command;

import com.slack.api.bolt.App;
import com.slack.api.model.event.AppHomeOpenedEvent;
import dev.aksdoctor.home.RecentInvestigations;
import dev.aksdoctor.home.WatchedClusters;
import dev.aksdoctor.reply.AppHomeRenderer;
import dev.aksdoctor.slack.SlackCallFailed;
import dev.aksdoctor.slack.SlackGateway;
import dev.aksdoctor.slack.SlackRoute;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Opening the app's Home tab publishes it afresh: watched clusters and the user's recent investigations. */
@ApplicationScoped
public class PublishAppHome implements SlackRoute {

    private static final Logger LOG = Logger.getLogger(PublishAppHome.class);

    private final WatchedClusters watches;
    private final RecentInvestigations recent;
    private final SlackGateway slack;
    private final BackgroundWork background;

    public PublishAppHome(WatchedClusters watches, RecentInvestigations recent, SlackGateway slack,
            BackgroundWork background) {
        this.watches = watches;
        this.recent = recent;
        this.slack = slack;
        this.background = background;
    }

    @Override
    public void register(App app) {
        app.event(AppHomeOpenedEvent.class, (req, ctx) -> {
            AppHomeOpenedEvent event = req.getEvent();
            // The Messages tab opens the same event; only the Home tab is ours to draw.
            if (event != null && "home".equals(event.getTab()) && SlackIds.isUser(event.getUser())) {
                String user = event.getUser();
                background.submit("publish home", () -> publish(user));
            }
            return ctx.ack();
        });
    }

    void publish(String user) {
        try {
            String workspace = null;
            try {
                workspace = slack.workspaceUrl();
            } catch (SlackCallFailed e) {
                LOG.debugf("No workspace URL for thread links: %s", e.error());
            }
            slack.publishHome(user, AppHomeRenderer.home(watches.forUser(user, AppHomeRenderer.MAX_WATCHES + 1),
                    recent.of(user, AppHomeRenderer.MAX_RECENT), workspace));
        } catch (SlackCallFailed e) {
            LOG.warnf("Could not publish the Home tab of %s: %s", user, e.error());
        }
    }
}
