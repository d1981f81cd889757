package dev.aksdoctor.command;

import com.slack.api.bolt.App;
import dev.aksdoctor.action.NextActionHandler;
import dev.aksdoctor.azure.ArmGateway;
import dev.aksdoctor.azure.SubnetFacts;
import dev.aksdoctor.check.NextAction;
import dev.aksdoctor.reply.NetworkListingRenderer;
import dev.aksdoctor.slack.SlackRoute;
import jakarta.enterprise.context.ApplicationScoped;

/** "Show routes": the user-defined routes of the node subnet's route table, to the presser, in the thread. */
@ApplicationScoped
public class ShowRoutes implements SlackRoute, NextActionHandler {

    private final NetworkResourceReader reader;
    private final ArmGateway arm;

    public ShowRoutes(NetworkResourceReader reader, ArmGateway arm) {
        this.reader = reader;
        this.arm = arm;
    }

    @Override
    public NextAction action() {
        return NextAction.SHOW_ROUTES;
    }

    @Override
    public void register(App app) {
        app.blockAction(action().id(), (req, ctx) -> {
            reader.show(req.getPayload(), "route table", SubnetFacts::routeTableId, id -> NetworkListingRenderer.routes(arm.routeTable(id)));
            return ctx.ack();
        });
    }
}
