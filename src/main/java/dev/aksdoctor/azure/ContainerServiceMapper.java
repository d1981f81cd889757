package dev.aksdoctor.azure;

import static dev.aksdoctor.azure.SdkValues.list;
import static dev.aksdoctor.azure.SdkValues.str;

import com.azure.core.management.exception.ManagementError;
import com.azure.resourcemanager.containerservice.fluent.models.ManagedClusterInner;
import com.azure.resourcemanager.containerservice.models.ContainerServiceNetworkProfile;
import com.azure.resourcemanager.containerservice.models.ManagedClusterAadProfile;
import com.azure.resourcemanager.containerservice.models.ManagedClusterAgentPoolProfile;
import com.azure.resourcemanager.containerservice.models.ManagedClusterApiServerAccessProfile;
import com.azure.resourcemanager.containerservice.models.ManagedClusterHttpProxyConfig;
import com.azure.resourcemanager.containerservice.models.ResourceReference;
import com.azure.resourcemanager.resources.fluentcore.arm.ResourceId;
import dev.aksdoctor.diagnosis.ClusterRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/** Microsoft.ContainerService models to our records. */
final class ContainerServiceMapper {

    private ContainerServiceMapper() {
    }

    static ClusterRef ref(ManagedClusterInner c) {
        ResourceId id = ResourceId.fromString(c.id());
        return new ClusterRef(id.subscriptionId().toLowerCase(Locale.ROOT), id.resourceGroupName(), c.name());
    }

    static ClusterSummary summary(ManagedClusterInner c) {
        return new ClusterSummary(ref(c), c.location(), c.fqdn(), c.privateFqdn(), c.nodeResourceGroup(),
                list(c.agentPoolProfiles()).stream().map(ManagedClusterAgentPoolProfile::vnetSubnetId)
                        .filter(Objects::nonNull).distinct().collect(Collectors.toList()));
    }

    static ClusterFacts clusterFacts(ManagedClusterInner c, ClusterRef ref) {
        ManagedClusterApiServerAccessProfile api = c.apiServerAccessProfile();
        ContainerServiceNetworkProfile net = c.networkProfile();
        List<String> egress = new ArrayList<>();
        if (net != null && net.loadBalancerProfile() != null) {
            list(net.loadBalancerProfile().effectiveOutboundIPs()).stream().map(ResourceReference::id).forEach(egress::add);
        }
        if (net != null && net.natGatewayProfile() != null) {
            list(net.natGatewayProfile().effectiveOutboundIPs()).stream().map(ResourceReference::id).forEach(egress::add);
        }
        ManagedClusterHttpProxyConfig proxy = c.httpProxyConfig();
        List<AgentPoolFacts> pools = list(c.agentPoolProfiles()).stream().map(p -> new AgentPoolFacts(p.name(),
                str(p.mode()), str(p.osType()), p.vmSize(), p.count() == null ? 0 : p.count(), p.provisioningState(),
                p.powerState() == null ? null : str(p.powerState().code()), p.vnetSubnetId(), p.availabilityZones(),
                p.maxPods() == null ? 0 : p.maxPods(),
                p.upgradeSettings() == null ? null : p.upgradeSettings().maxSurge(),
                p.status() == null ? null : error(p.status().provisioningError()))).collect(Collectors.toList());
        return new ClusterFacts(c.id(), ref, c.location(), c.provisioningState(),
                c.powerState() == null ? null : str(c.powerState().code()), c.currentKubernetesVersion(), c.fqdn(),
                c.privateFqdn(), api != null && Boolean.TRUE.equals(api.enablePrivateCluster()),
                api == null ? null : api.privateDnsZone(), api == null ? List.of() : list(api.authorizedIpRanges()),
                net == null ? null : str(net.outboundType()), egress, c.nodeResourceGroup(), pools,
                proxy == null ? null : new HttpProxyFacts(proxy.httpProxy(), proxy.httpsProxy(), proxy.noProxy(),
                        proxy.trustedCa() != null && !proxy.trustedCa().isBlank()),
                api == null ? null : api.subnetId(),
                net == null || net.networkPlugin() == null ? null : net.networkPlugin()
                        + (net.networkPluginMode() == null ? "" : "/" + net.networkPluginMode()),
                api != null && Boolean.TRUE.equals(api.enableVnetIntegration()),
                c.status() == null ? null : error(c.status().provisioningError()), identityPrincipalId(c), auth(c));
    }

    private static ClusterAuthFacts auth(ManagedClusterInner c) {
        ManagedClusterAadProfile aad = c.aadProfile();
        return new ClusterAuthFacts(Boolean.TRUE.equals(c.disableLocalAccounts()),
                aad != null && Boolean.TRUE.equals(aad.managed()),
                aad != null && Boolean.TRUE.equals(aad.enableAzureRbac()),
                aad == null ? List.of() : list(aad.adminGroupObjectIDs()));
    }

    /** The control plane identity's object id: system-assigned, else the (first) user-assigned one. */
    private static String identityPrincipalId(ManagedClusterInner c) {
        if (c.identity() == null) {
            return null;
        }
        if (c.identity().principalId() != null) {
            return c.identity().principalId();
        }
        if (c.identity().userAssignedIdentities() == null) {
            return null;
        }
        return c.identity().userAssignedIdentities().values().stream().filter(java.util.Objects::nonNull)
                .map(u -> u.principalId()).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /** An SDK ManagementError with its nested details, or null. */
    static ArmErrorFacts error(ManagementError e) {
        if (e == null || e.getCode() == null) {
            return null;
        }
        List<ArmErrorFacts> details = new ArrayList<>();
        if (e.getDetails() != null) {
            for (ManagementError d : e.getDetails()) {
                ArmErrorFacts f = error(d);
                if (f != null) {
                    details.add(f);
                }
            }
        }
        return new ArmErrorFacts(e.getCode(), e.getMessage(), details);
    }
}
