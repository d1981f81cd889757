package dev.aksdoctor.azure;

import static dev.aksdoctor.azure.SdkValues.list;
import static dev.aksdoctor.azure.SdkValues.str;

import com.azure.resourcemanager.compute.fluent.models.ResourceSkuInner;
import com.azure.resourcemanager.compute.fluent.models.VirtualMachineScaleSetInner;
import com.azure.resourcemanager.compute.fluent.models.VirtualMachineScaleSetVMInner;
import com.azure.resourcemanager.compute.models.InstanceViewStatus;
import com.azure.resourcemanager.compute.models.ResourceSkuCapabilities;
import com.azure.resourcemanager.compute.models.ResourceSkuLocationInfo;
import com.azure.resourcemanager.compute.models.ResourceSkuRestrictions;
import com.azure.resourcemanager.compute.models.VirtualMachineExtensionInstanceView;
import com.azure.resourcemanager.compute.models.VirtualMachineScaleSetIpConfiguration;
import com.azure.resourcemanager.compute.models.VirtualMachineScaleSetNetworkConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Microsoft.Compute models (scale sets, their instances, SKUs, run-command output) to our records. */
final class ComputeMapper {

    private ComputeMapper() {
    }

    static ScaleSetFacts scaleSet(VirtualMachineScaleSetInner s) {
        List<String> nsgs = new ArrayList<>();
        List<String> subnets = new ArrayList<>();
        if (s.virtualMachineProfile() != null && s.virtualMachineProfile().networkProfile() != null) {
            for (VirtualMachineScaleSetNetworkConfiguration nic : list(
                    s.virtualMachineProfile().networkProfile().networkInterfaceConfigurations())) {
                if (nic.networkSecurityGroup() != null && nic.networkSecurityGroup().id() != null) {
                    nsgs.add(nic.networkSecurityGroup().id());
                }
                for (VirtualMachineScaleSetIpConfiguration ip : list(nic.ipConfigurations())) {
                    if (ip.subnet() != null && ip.subnet().id() != null) {
                        subnets.add(ip.subnet().id());
                    }
                }
            }
        }
        String pool = s.tags() == null ? null : s.tags().get("aks-managed-poolName");
        return new ScaleSetFacts(s.id(), s.name(), pool, s.provisioningState(), nsgs, subnets);
    }

    static InstanceFacts instance(String scaleSetName, VirtualMachineScaleSetVMInner vm) {
        String power = null;
        List<InstanceFacts.ExtensionStatus> extensions = new ArrayList<>();
        if (vm.instanceView() != null) {
            for (InstanceViewStatus s : list(vm.instanceView().statuses())) {
                if (s.code() != null && s.code().startsWith("PowerState/")) {
                    power = s.code().substring("PowerState/".length());
                }
            }
            for (VirtualMachineExtensionInstanceView e : list(vm.instanceView().extensions())) {
                for (InstanceViewStatus s : list(e.statuses())) {
                    extensions.add(new InstanceFacts.ExtensionStatus(e.name(), s.code(), str(s.level()),
                            s.displayStatus(), s.message()));
                }
            }
        }
        return new InstanceFacts(vm.id(), scaleSetName, vm.instanceId(),
                vm.osProfile() == null ? null : vm.osProfile().computerName(), vm.provisioningState(), power,
                extensions);
    }

    static SkuFacts sku(ResourceSkuInner s) {
        int vcpus = 0;
        for (ResourceSkuCapabilities c : list(s.capabilities())) {
            if ("vCPUs".equalsIgnoreCase(c.name())) {
                try {
                    vcpus = Integer.parseInt(c.value());
                } catch (NumberFormatException ignored) {
                    vcpus = 0;
                }
            }
        }
        List<String> zones = list(s.locationInfo()).stream().map(ResourceSkuLocationInfo::zones)
                .filter(Objects::nonNull).flatMap(List::stream).collect(Collectors.toList());
        List<String> restrictions = new ArrayList<>();
        boolean regional = false;
        for (ResourceSkuRestrictions r : list(s.restrictions())) {
            String type = str(r.type());
            String where = "Zone".equalsIgnoreCase(type) && r.restrictionInfo() != null
                    ? " (zones " + String.join(", ", list(r.restrictionInfo().zones())) + ")"
                    : " (region)";
            regional |= "Location".equalsIgnoreCase(type);
            restrictions.add(str(r.reasonCode()) + where);
        }
        return new SkuFacts(s.name(), s.family(), vcpus, zones, restrictions, regional);
    }

    static RunCommandOutput runCommandOutput(List<InstanceViewStatus> statuses) {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        for (InstanceViewStatus s : list(statuses)) {
            String code = Objects.toString(s.code(), "");
            String message = Objects.toString(s.message(), "");
            if (code.contains("StdErr")) {
                err.append(message);
            } else {
                // RunShellScript puts stdout and stderr in one message under "[stdout]"/"[stderr]".
                out.append(message);
            }
        }
        return new RunCommandOutput(out.toString(), err.toString());
    }

    /** The {@code PowerState/…} status code of a VM's instance view. */
    static String powerState(com.azure.resourcemanager.compute.fluent.models.VirtualMachineInstanceViewInner view) {
        if (view == null) {
            return null;
        }
        return SdkValues.list(view.statuses()).stream().map(s -> s.code())
                .filter(c -> c != null && c.startsWith("PowerState/")).findFirst().orElse(null);
    }
}
