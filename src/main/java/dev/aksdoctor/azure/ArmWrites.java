package dev.aksdoctor.azure;

import static dev.aksdoctor.azure.ArmErrors.call;

import com.azure.resourcemanager.compute.models.RunCommandInput;
import com.azure.resourcemanager.containerservice.fluent.models.AgentPoolInner;
import com.azure.resourcemanager.containerservice.fluent.models.ManagedClusterInner;
import com.azure.resourcemanager.containerservice.models.ManagedClusterApiServerAccessProfile;
import dev.aksdoctor.diagnosis.ClusterRef;
import java.util.List;
import java.util.Objects;

/**
 * The verbs that change something or run something on a node: the write buttons and the node probe. Only the
 * operator role ({@code deploy/azure/aks-doctor-operator.json}) allows them; callers confirm and authorise first.
 */
final class ArmWrites {

    private final ArmSession session;

    ArmWrites(ArmSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    RunCommandOutput runCommand(String subscriptionId, String resourceGroup, String scaleSetName,
            String instanceId, boolean windows, List<String> scriptLines) {
        return call("Microsoft.Compute/virtualMachineScaleSets/virtualMachines/runCommand/action",
                AzureArmGateway.scaleSetScope(subscriptionId, resourceGroup, scaleSetName) + "/virtualMachines/" + instanceId, () -> {
                    RunCommandInput input = new RunCommandInput()
                            .withCommandId(windows ? "RunPowerShellScript" : "RunShellScript")
                            .withScript(List.copyOf(scriptLines));
                    var compute = session.compute(subscriptionId);
                    var result = session.finish(compute, compute.serviceClient().getVirtualMachineScaleSetVMs()
                            .beginRunCommandAsync(resourceGroup, scaleSetName, instanceId, input));
                    return ComputeMapper.runCommandOutput(result == null ? null : result.value());
                });
    }

    void startCluster(ClusterRef ref) {
        ArmErrors.action("Microsoft.ContainerService/managedClusters/start/action", ref.resourceId().orElseThrow(), () -> {
            var containerService = session.containerService(ref.subscriptionId());
            session.finish(containerService, containerService.serviceClient().getManagedClusters()
                    .beginStartAsync(ref.resourceGroup(), ref.name()));
        });
    }

    void reconcileCluster(ClusterRef ref) {
        call("Microsoft.ContainerService/managedClusters/write", ref.resourceId().orElseThrow(), () -> {
            var containerService = session.containerService(ref.subscriptionId());
            var clusters = containerService.serviceClient().getManagedClusters();
            ManagedClusterInner current = clusters.getByResourceGroup(ref.resourceGroup(), ref.name());
            session.finish(containerService, clusters.beginCreateOrUpdateAsync(ref.resourceGroup(), ref.name(), current));
            return null;
        });
    }

    void reconcileAgentPool(ClusterRef ref, String poolName) {
        String scope = ref.resourceId().orElseThrow() + "/agentPools/" + poolName;
        call("Microsoft.ContainerService/managedClusters/agentPools/write", scope, () -> {
            var containerService = session.containerService(ref.subscriptionId());
            var pools = containerService.serviceClient().getAgentPools();
            AgentPoolInner current = pools.get(ref.resourceGroup(), ref.name(), poolName);
            session.finish(containerService, pools.beginCreateOrUpdateAsync(ref.resourceGroup(), ref.name(), poolName, current));
            return null;
        });
    }

    void startAgentPool(ClusterRef ref, String poolName) {
        String scope = ref.resourceId().orElseThrow() + "/agentPools/" + poolName;
        call("Microsoft.ContainerService/managedClusters/agentPools/write", scope, () -> {
            var containerService = session.containerService(ref.subscriptionId());
            var pools = containerService.serviceClient().getAgentPools();
            AgentPoolInner current = pools.get(ref.resourceGroup(), ref.name(), poolName);
            current.withPowerState(new com.azure.resourcemanager.containerservice.models.PowerState()
                    .withCode(com.azure.resourcemanager.containerservice.models.Code.RUNNING));
            session.finish(containerService, pools.beginCreateOrUpdateAsync(ref.resourceGroup(), ref.name(), poolName, current));
            return null;
        });
    }

    void updateInstance(String subscriptionId, String resourceGroup, String scaleSetName, String instanceId) {
        ArmErrors.action("Microsoft.Compute/virtualMachineScaleSets/manualUpgrade/action",
                AzureArmGateway.scaleSetScope(subscriptionId, resourceGroup, scaleSetName), () -> {
                    var compute = session.compute(subscriptionId);
                    session.finish(compute, compute.serviceClient().getVirtualMachineScaleSets()
                            .beginUpdateInstancesAsync(resourceGroup, scaleSetName,
                                    new com.azure.resourcemanager.compute.models.VirtualMachineScaleSetVMInstanceRequiredIDs()
                                            .withInstanceIds(List.of(instanceId))));
                });
    }

    void updateAuthorizedRanges(ClusterRef ref, List<String> ranges) {
        call("Microsoft.ContainerService/managedClusters/write", ref.resourceId().orElseThrow(), () -> {
            var containerService = session.containerService(ref.subscriptionId());
            var clusters = containerService.serviceClient().getManagedClusters();
            ManagedClusterInner current = clusters.getByResourceGroup(ref.resourceGroup(), ref.name());
            ManagedClusterApiServerAccessProfile api = current.apiServerAccessProfile() == null
                    ? new ManagedClusterApiServerAccessProfile()
                    : current.apiServerAccessProfile();
            current.withApiServerAccessProfile(api.withAuthorizedIpRanges(List.copyOf(ranges)));
            session.finish(containerService, clusters.beginCreateOrUpdateAsync(ref.resourceGroup(), ref.name(), current));
            return null;
        });
    }

    void rotateCertificates(ClusterRef ref) {
        ArmErrors.action("Microsoft.ContainerService/managedClusters/rotateClusterCertificates/action",
                ref.resourceId().orElseThrow(), () -> {
                    var containerService = session.containerService(ref.subscriptionId());
                    session.finish(containerService, containerService.serviceClient().getManagedClusters()
                            .beginRotateClusterCertificatesAsync(ref.resourceGroup(), ref.name()));
                });
    }

    void reimageInstance(String subscriptionId, String resourceGroup, String scaleSetName, String instanceId) {
        ArmErrors.action("Microsoft.Compute/virtualMachineScaleSets/virtualMachines/reimage/action",
                AzureArmGateway.scaleSetScope(subscriptionId, resourceGroup, scaleSetName) + "/virtualMachines/" + instanceId,
                () -> {
                    var compute = session.compute(subscriptionId);
                    session.finish(compute, compute.serviceClient().getVirtualMachineScaleSetVMs()
                            .beginReimageAsync(resourceGroup, scaleSetName, instanceId));
                });
    }
}
