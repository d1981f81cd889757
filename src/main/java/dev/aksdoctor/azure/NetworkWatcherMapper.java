package dev.aksdoctor.azure;

import com.azure.core.management.SubResource;
import com.azure.resourcemanager.network.fluent.models.EffectiveNetworkSecurityGroupListResultInner;
import com.azure.resourcemanager.network.fluent.models.EffectiveRouteListResultInner;
import com.azure.resourcemanager.network.fluent.models.NetworkWatcherInner;
import com.azure.resourcemanager.network.fluent.models.NextHopResultInner;
import com.azure.resourcemanager.network.fluent.models.VerificationIpFlowResultInner;
import com.azure.resourcemanager.network.models.Direction;
import com.azure.resourcemanager.network.models.EffectiveNetworkSecurityGroup;
import com.azure.resourcemanager.network.models.EffectiveNetworkSecurityRule;
import com.azure.resourcemanager.network.models.IpFlowProtocol;
import com.azure.resourcemanager.network.models.NextHopParameters;
import com.azure.resourcemanager.network.models.VerificationIpFlowParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Network Watcher, effective-route and effective-security-rule SDK models to {@link NetworkWatcherFacts}. */
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

    static List<NetworkWatcherFacts.EffectiveSecurityGroup> effectiveSecurityGroups(
            EffectiveNetworkSecurityGroupListResultInner r) {
        if (r == null || r.value() == null) {
            return List.of();
        }
        return r.value().stream().map(NetworkWatcherMapper::effectiveSecurityGroup).collect(Collectors.toList());
    }

    private static NetworkWatcherFacts.EffectiveSecurityGroup effectiveSecurityGroup(EffectiveNetworkSecurityGroup g) {
        String subnet = g.association() == null ? null : id(g.association().subnet());
        String nic = g.association() == null ? null : id(g.association().networkInterface());
        List<NetworkWatcherFacts.EffectiveSecurityRule> rules = g.effectiveSecurityRules() == null ? List.of()
                : g.effectiveSecurityRules().stream().map(NetworkWatcherMapper::effectiveSecurityRule)
                        .collect(Collectors.toList());
        return new NetworkWatcherFacts.EffectiveSecurityGroup(id(g.networkSecurityGroup()), subnet, nic, rules);
    }

    private static NetworkWatcherFacts.EffectiveSecurityRule effectiveSecurityRule(EffectiveNetworkSecurityRule r) {
        return new NetworkWatcherFacts.EffectiveSecurityRule(r.name(), Objects.toString(r.access(), null),
                r.priority(), Objects.toString(r.direction(), null), Objects.toString(r.protocol(), null),
                merged(r.sourceAddressPrefix(), r.sourceAddressPrefixes()), r.expandedSourceAddressPrefix(),
                merged(r.sourcePortRange(), r.sourcePortRanges()),
                merged(r.destinationAddressPrefix(), r.destinationAddressPrefixes()),
                r.expandedDestinationAddressPrefix(), merged(r.destinationPortRange(), r.destinationPortRanges()));
    }

    /** ARM serves a singular and a plural field (often both, the plural repeating the singular): one list. */
    private static List<String> merged(String single, List<String> plural) {
        List<String> all = new ArrayList<>();
        if (single != null && !single.isBlank()) {
            all.add(single);
        }
        if (plural != null) {
            plural.stream().filter(v -> v != null && !all.contains(v)).forEach(all::add);
        }
        return all;
    }

    private static String id(SubResource r) {
        return r == null ? null : r.id();
    }
}
