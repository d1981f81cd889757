package dev.aksdoctor.command;

import com.slack.api.bolt.App;
import dev.aksdoctor.action.NextActionHandler;
import dev.aksdoctor.azure.ArmGateway;
import dev.aksdoctor.azure.SubnetFacts;
import dev.aksdoctor.check.NextAction;
import dev.aksdoctor.reply.NetworkListingRenderer;
import dev.aksdoctor.slack.SlackRoute;
import jakarta.enterprise.context.ApplicationScoped;

/** "Show matching NSG rules": every rule of the NSG a check pointed at, to the presser, in the thread. */
@ApplicationScoped
public class ShowNsgRules implements SlackRoute, NextActionHandler {

    private final NetworkResourceReader reader;
    private final ArmGateway arm;

    public ShowNsgRules(NetworkResourceReader reader, ArmGateway arm) {
        this.reader = reader;
        this.arm = arm;
    }

    @Override
    public NextAction action() {
        return NextAction.SHOW_NSG_RULES;
    }

    @Override
    public void register(App app) {
        app.blockAction(action().id(), (req, ctx) -> {
            reader.show(req.getPayload(), "NSG", SubnetFacts::nsgId, id -> NetworkListingRenderer.nsg(arm.nsg(id)));
            return ctx.ack();
        });
    }
}
