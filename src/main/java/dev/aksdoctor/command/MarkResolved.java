package dev.aksdoctor.command;

import com.slack.api.bolt.App;
import dev.aksdoctor.action.InvestigationResolution;
import dev.aksdoctor.action.NextActionHandler;
import dev.aksdoctor.check.NextAction;
import dev.aksdoctor.investigation.InvestigationStore;
import dev.aksdoctor.reply.ActionReplies;
import dev.aksdoctor.reply.ButtonReplies;
import dev.aksdoctor.slack.SlackCallFailed;
import dev.aksdoctor.slack.SlackGateway;
import dev.aksdoctor.slack.SlackRoute;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;
import org.jboss.logging.Logger;

/** "Mark resolved": records who closed the investigation and says so in the thread, once. */
@ApplicationScoped
public class MarkResolved implements SlackRoute, NextActionHandler {

    private static final Logger LOG = Logger.getLogger(MarkResolved.class);

    private final InvestigationStore investigations;
    private final ButtonGuard guard;
    private final SlackGateway slack;
    private final Clock clock;

    public MarkResolved(InvestigationStore investigations, ButtonGuard guard, SlackGateway slack, Clock clock) {
        this.investigations = investigations;
        this.guard = guard;
        this.slack = slack;
        this.clock = clock;
    }

    @Override
    public NextAction action() {
        return NextAction.MARK_RESOLVED;
    }

    @Override
    public void register(App app) {
        app.blockAction(action().id(), (req, ctx) -> {
            Optional<ButtonPress> parsed = ButtonPress.from(req.getPayload(), investigations);
            if (parsed.isEmpty()) {
                return ctx.ack();
            }
            ButtonPress press = parsed.get();
            if (press.investigation().isEmpty()) {
                guard.tell(press, ButtonReplies.RESOLVED_GONE);
                return ctx.ack();
            }
            long id = press.investigation().get().id;
            boolean first = QuarkusTransaction.requiringNew().call(() -> {
                if (InvestigationResolution.findByIdOptional(id).isPresent()) {
                    return false;
                }
                InvestigationResolution r = new InvestigationResolution();
                r.investigationId = id;
                r.resolvedBy = press.user();
                r.resolvedAt = clock.instant();
                r.persist();
                return true;
            });
            if (first) {
                String text = ButtonReplies.resolvedBy(press.user());
                try {
                    slack.postMessage(press.channel(), press.threadTs(), text, ActionReplies.announcement(text));
                } catch (SlackCallFailed e) {
                    LOG.warnf("Could not announce a resolution in %s: %s", press.channel(), e.error());
                }
            } else {
                guard.tell(press, ButtonReplies.ALREADY_RESOLVED);
            }
            return ctx.ack();
        });
    }
}
