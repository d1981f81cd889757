package dev.aksdoctor.azure;

import dev.aksdoctor.diagnosis.ClusterRef;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What ARM says about a managed cluster, reduced to what the checks read.
 *
 * @param powerState {@code Running}, {@code Stopped} or null when ARM did not say
 * @param outboundType ARM's spelling, e.g. {@code loadBalancer}, {@code userDefinedRouting}
 * @param egressIpIds public IP resource ids the cluster's load balancer or managed NAT gateway uses
 * @param identityPrincipalId the cluster (control plane) identity's object id: system- or user-assigned; null
 *                   for a service principal cluster
 * @param networkPlugin {@code azure}, {@code azure/overlay}, {@code kubenet}, {@code none} or null
 * @param apiServerVnetIntegration {@code apiServerAccessProfile.enableVnetIntegration}: nodes reach the API server
 *        by a private IP in the VNet, so the node subnet (not the egress IPs) must be authorized
 * @param provisioningError {@code properties.status.provisioningError}, or null
 * @param auth local accounts and Entra ID integration; {@link ClusterAuthFacts#LOCAL} when ARM did not say
 */
public record ClusterFacts(
        String id,
        ClusterRef ref,
        String location,
        String provisioningState,
        String powerState,
        String kubernetesVersion,
        String fqdn,
        String privateFqdn,
        boolean privateCluster,
        String privateDnsZone,
        List<String> authorizedIpRanges,
        String outboundType,
        List<String> egressIpIds,
        String nodeResourceGroup,
        List<AgentPoolFacts> agentPools,
        HttpProxyFacts httpProxy,
        String apiServerSubnetId,
        String networkPlugin,
        boolean apiServerVnetIntegration,
        ArmErrorFacts provisioningError,
        String identityPrincipalId,
        ClusterAuthFacts auth) {

    public ClusterFacts(String id, ClusterRef ref, String location, String provisioningState, String powerState,
            String kubernetesVersion, String fqdn, String privateFqdn, boolean privateCluster, String privateDnsZone,
            List<String> authorizedIpRanges, String outboundType, List<String> egressIpIds, String nodeResourceGroup,
            List<AgentPoolFacts> agentPools, HttpProxyFacts httpProxy, String apiServerSubnetId, String networkPlugin,
            boolean apiServerVnetIntegration, ArmErrorFacts provisioningError, String identityPrincipalId) {
        this(id, ref, location, provisioningState, powerState, kubernetesVersion, fqdn, privateFqdn, privateCluster,
                privateDnsZone, authorizedIpRanges, outboundType, egressIpIds, nodeResourceGroup, agentPools, httpProxy,
                apiServerSubnetId, networkPlugin, apiServerVnetIntegration, provisioningError, identityPrincipalId,
                ClusterAuthFacts.LOCAL);
    }

    public ClusterFacts(String id, ClusterRef ref, String location, String provisioningState, String powerState,
            String kubernetesVersion, String fqdn, String privateFqdn, boolean privateCluster, String privateDnsZone,
            List<String> authorizedIpRanges, String outboundType, List<String> egressIpIds, String nodeResourceGroup,
            List<AgentPoolFacts> agentPools, HttpProxyFacts httpProxy, String apiServerSubnetId, String networkPlugin,
            boolean apiServerVnetIntegration, ArmErrorFacts provisioningError) {
        this(id, ref, location, provisioningState, powerState, kubernetesVersion, fqdn, privateFqdn, privateCluster,
                privateDnsZone, authorizedIpRanges, outboundType, egressIpIds, nodeResourceGroup, agentPools, httpProxy,
                apiServerSubnetId, networkPlugin, apiServerVnetIntegration, provisioningError, null);
    }

    public ClusterFacts(String id, ClusterRef ref, String location, String provisioningState, String powerState,
            String kubernetesVersion, String fqdn, String privateFqdn, boolean privateCluster, String privateDnsZone,
            List<String> authorizedIpRanges, String outboundType, List<String> egressIpIds, String nodeResourceGroup,
            List<AgentPoolFacts> agentPools, HttpProxyFacts httpProxy, String apiServerSubnetId, String networkPlugin) {
        this(id, ref, location, provisioningState, powerState, kubernetesVersion, fqdn, privateFqdn, privateCluster,
                privateDnsZone, authorizedIpRanges, outboundType, egressIpIds, nodeResourceGroup, agentPools, httpProxy,
                apiServerSubnetId, networkPlugin, false, null);
    }

    public ClusterFacts {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ref, "ref");
        authorizedIpRanges = authorizedIpRanges == null ? List.of() : List.copyOf(authorizedIpRanges);
        egressIpIds = egressIpIds == null ? List.of() : List.copyOf(egressIpIds);
        agentPools = agentPools == null ? List.of() : List.copyOf(agentPools);
        auth = auth == null ? ClusterAuthFacts.LOCAL : auth;
    }

    public boolean authorizedRangesEnabled() {
        return !authorizedIpRanges.isEmpty();
    }

    public Optional<HttpProxyFacts> proxy() {
        return Optional.ofNullable(httpProxy);
    }

    public Optional<AgentPoolFacts> pool(String name) {
        return agentPools.stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst();
    }
}
