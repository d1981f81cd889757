package dev.aksdoctor.diagnosis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the node: an AKS node name {@code aks-<pool>-<digits>-vmss<6 base-36 chars>} gives the scale set and the
 * instance ID (the suffix read in base 36); so do a scale-set VM name ({@code …-vmss_4}) and a scale-set VM
 * resource ID ({@code virtualMachineScaleSets/<vmss>/virtualMachines/4}).
 */
final class NodeNameExtractor {

    /** Node name, scale set and instance ID; any may be {@code null}. */
    record NodeRef(String nodeName, String vmss, String instanceId) {
    }

    private static final int WINDOW = 64;
    private static final int MAX_TRIES = 256;
    private static final Pattern NODE = Pattern.compile(
            "(?<![a-z0-9-])(aks-[a-z0-9]{1,12}-\\d{6,12}-vmss)([0-9a-z]{6})(?![0-9a-z])");
    private static final Pattern VM_NAME = Pattern.compile(
            "(?<![a-z0-9-])(aks-[a-z0-9]{1,12}-\\d{6,12}-vmss)_(\\d{1,6})(?!\\d)");
    private static final Pattern VMSS_VM_ID = Pattern.compile(
            "virtualmachinescalesets/([a-z0-9][a-z0-9_-]{0,79})/virtualmachines/(\\d{1,6})(?!\\d)");
    private static final Pattern VMSS_ONLY = Pattern.compile(
            "(?<![a-z0-9-])(aks-[a-z0-9]{1,12}-\\d{6,12}-vmss)(?![0-9a-z_])");

    NodeRef extract(String lower) {
        Matcher node = AnchoredMatch.first(NODE, lower, "aks-", WINDOW, MAX_TRIES);
        if (node != null) {
            long instance = Long.parseLong(node.group(2), 36);
            return new NodeRef(node.group(), node.group(1), Long.toString(instance));
        }
        Matcher vm = AnchoredMatch.first(VM_NAME, lower, "aks-", WINDOW, MAX_TRIES);
        if (vm != null) {
            int instance = Integer.parseInt(vm.group(2));
            return new NodeRef(nodeName(vm.group(1), instance), vm.group(1), Integer.toString(instance));
        }
        Matcher id = AnchoredMatch.first(VMSS_VM_ID, lower, "virtualmachinescalesets/", WINDOW * 2, MAX_TRIES);
        if (id != null) {
            int instance = Integer.parseInt(id.group(2));
            String vmss = id.group(1);
            String name = vmss.startsWith("aks-") && vmss.endsWith("-vmss") ? nodeName(vmss, instance) : null;
            return new NodeRef(name, vmss, Integer.toString(instance));
        }
        Matcher only = AnchoredMatch.first(VMSS_ONLY, lower, "aks-", WINDOW, MAX_TRIES);
        if (only != null) {
            return new NodeRef(null, only.group(1), null);
        }
        return new NodeRef(null, null, null);
    }

    /** AKS names a scale-set node after the scale set plus the instance ID in base 36, six characters wide. */
    private static String nodeName(String vmss, int instance) {
        String suffix = Integer.toString(instance, 36);
        if (suffix.length() > 6) {
            return null;
        }
        return vmss + "000000".substring(suffix.length()) + suffix;
    }
}
