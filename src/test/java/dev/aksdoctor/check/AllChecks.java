package dev.aksdoctor.check;

import java.util.List;

/** Every check, as CDI's {@code @All List<Check>} would collect them, for tests without Quarkus. */
final class AllChecks {

    private AllChecks() {
    }

    static List<Check> all() {
        return List.of(new ClusterStateCheck(), new NodePoolStateCheck(), new VmssInstancesCheck(), new CseStatusCheck(),
                new ActivityLogFailuresCheck(), new NodeSubnetCheck(), new SubnetCapacityCheck(),
                new AuthorizedIpRangesCheck(), new ClientAuthorizedRangesCheck(), new NsgOutboundCheck(),
                new RouteTableCheck(), new EgressApplianceCheck(), new PrivateEndpointCheck(),
                new PrivateDnsZoneLinkCheck(), new VnetDnsServersCheck(), new HttpProxyCheck(), new VcpuQuotaCheck(),
                new PublicIpQuotaCheck(), new SkuAvailabilityCheck(), new PolicyDenialCheck(), new ResourceLocksCheck(),
                new ProviderRegistrationCheck(), new SubscriptionStateCheck(), new PdbDrainCheck(),
                new NodeDnsProbeCheck(), new NodeTcpProbeCheck(), new NodeTlsProbeCheck(), new NodeOutboundProbeCheck());
    }
}
