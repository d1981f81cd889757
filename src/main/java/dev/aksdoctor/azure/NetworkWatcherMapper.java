package dev.aksdoctor.azure;

import com.azure.resourcemanager.network.fluent.models.EffectiveRouteListResultInner;
import com.azure.resourcemanager.network.fluent.models.NetworkWatcherInner;
import com.azure.resourcemanager.network.fluent.models.NextHopResultInner;
import com.azure.resourcemanager.network.fluent.models.VerificationIpFlowResultInner;
import com.azure.resourcemanager.network.models.Direction;
import com.azure.resourcemanager.network.models.IpFlowProtocol;
import com.azure.resourcemanager.network.models.NextHopParameters;
import com.azure.resourcemanager.network.models.VerificationIpFlowParameters;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Network Watcher and effective-route SDK models to {@link NetworkWatcherFacts}. */
final class NetworkWatcherMapper {

    private NetworkWatcherMapper() {
    }

    static NetworkWatcherFacts.Watcher watcher(NetworkWatcherInner w) {
        return new NetworkWatcherFacts.Watcher(w.id(), w.location());
    }

    static NextHopParameters nextHopParameters(String targetId, String sourceIp, String destinationIp) {
        return new NextHopParameters().withTargetResourceId(targetId).withSourceIpAddress(sourceIp)
                .withDestinationIpAddress(destinationIp);
    }

    static NetworkWatcherFacts.NextHop nextHop(NextHopResultInner r) {
        return new NetworkWatcherFacts.NextHop(Objects.toString(r.nextHopType(), null), r.nextHopIpAddress(),
                r.routeTableId());
    }

    static VerificationIpFlowParameters ipFlowParameters(String targetId, String localIp, String remoteIp,
            int remotePort) {
        // The local port of an outbound flow is ephemeral: Network Watcher takes "*".
        return new VerificationIpFlowParameters().withTargetResourceId(targetId).withDirection(Direction.OUTBOUND)
                .withProtocol(IpFlowProtocol.TCP).withLocalIpAddress(localIp).withLocalPort("*")
                .withRemoteIpAddress(remoteIp).withRemotePort(Integer.toString(remotePort));
    }

    static NetworkWatcherFacts.IpFlow ipFlow(VerificationIpFlowResultInner r) {
        return new NetworkWatcherFacts.IpFlow(Objects.toString(r.access(), null), r.ruleName());
    }

    static List<NetworkWatcherFacts.EffectiveRoute> effectiveRoutes(EffectiveRouteListResultInner r) {
        if (r == null || r.value() == null) {
            return List.of();
        }
        return r.value().stream().map(e -> new NetworkWatcherFacts.EffectiveRoute(e.name(),
                Objects.toString(e.source(), null), Objects.toString(e.state(), null), e.addressPrefix(),
                Objects.toString(e.nextHopType(), null), e.nextHopIpAddress())).collect(Collectors.toList());
    }
}
