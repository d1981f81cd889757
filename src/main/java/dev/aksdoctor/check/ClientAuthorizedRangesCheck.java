package dev.aksdoctor.check;

import dev.aksdoctor.azure.ClusterFacts;
import dev.aksdoctor.diagnosis.CheckId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** kubectl cannot reach the API server: the client's address must be authorized, or inside the VNet for private clusters. */
@ApplicationScoped
public class ClientAuthorizedRangesCheck implements Check {

    @Override
    public CheckId id() {
        return CheckId.CLIENT_AUTHORIZED_RANGES;
    }

    @Override
    public Finding run(CheckContext context) {
        ClusterFacts c = context.facts().cluster();
        if (c.privateCluster()) {
            return Findings.warn(id(), "Private cluster: kubectl must run from a network that reaches the private endpoint",
                    List.of(Evidence.of("enablePrivateCluster true, private FQDN " + c.privateFqdn(), c.id())),
                    "Run kubectl from the VNet, a peered VNet or over VPN/ExpressRoute, or use az aks command invoke.",
                    Docs.PRIVATE_CLUSTER);
        }
        if (!c.authorizedRangesEnabled()) {
            return Findings.pass(id(), "Authorized IP ranges are not enabled: any client address may connect",
                    List.of(Evidence.of("apiServerAccessProfile.authorizedIPRanges is empty", c.id())),
                    Docs.AUTHORIZED_RANGES);
        }
        return Findings.warn(id(), "Only " + c.authorizedIpRanges().size() + " authorized range(s) may reach the API server",
                List.of(Evidence.of("authorized ranges: " + String.join(", ", c.authorizedIpRanges()), c.id())),
                "Check that your client's public IP (curl ifconfig.me) is inside one of them; add it if not.",
                Docs.AUTHORIZED_RANGES, Findings.action(NextAction.ADD_AUTHORIZED_RANGE));
    }
}
