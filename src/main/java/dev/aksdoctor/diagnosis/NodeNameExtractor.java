package dev.aksdoctor.diagnosis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the node: an AKS node name {@code aks-<pool>-<digits>-vmss<6 base-36 chars>} gives the scale set and the
 * instance ID (the suffix read in base 36); so do a scale-set VM name ({@code …-vmss_4}) and a scale-set VM
 * resource ID ({@code virtualMachineScaleSets/<vmss>/virtualMachines/4}). Windows pools keep to the 15-character
 * computer name: the scale set is {@code aks<pool>} (a pool name of at most 6 characters) and the node
 * {@code aks<pool>} plus the same 6-character suffix, e.g. {@code aksnpwin000002}. A node of an availability-set
 * pool (before scale sets, 2018 to 2020) is {@code aks-<pool>-<8 digits>-<index>}, with no scale set: it is the node
 * only when the paste names one such VM (a list of several names no single node).
 */
final class NodeNameExtractor {

    /** Node name, scale set and instance ID; any may be {@code null}. */
    record NodeRef(String nodeName, String vmss, String instanceId) {
    }

    private static final int WINDOW = 64;
    private static final int MAX_TRIES = 256;
    /** A Linux pool's scale set, and a Windows pool's (its name doubles as the 15-character computer name). */
    private static final String LINUX_SCALE_SET = "aks-[a-z0-9]{1,12}-\\d{6,12}-vmss";
    private static final String WINDOWS_SCALE_SET = "aks[a-z][a-z0-9]{0,5}";
    private static final String TOKEN_START = "(?<![a-z0-9-])";

    private static final Pattern NODE = Pattern.compile(
            TOKEN_START + "(" + LINUX_SCALE_SET + ")([0-9a-z]{6})(?![0-9a-z])");
    private static final Pattern VM_NAME = Pattern.compile(
            TOKEN_START + "(" + LINUX_SCALE_SET + ")_(\\d{1,6})(?!\\d)");
    private static final Pattern VMSS_VM_ID = Pattern.compile(
            "virtualmachinescalesets/([a-z0-9][a-z0-9_-]{0,79})/virtualmachines/(\\d{1,6})(?!\\d)");
    /** The suffix of a real instance starts with zeros (IDs stay far below 36^4), which keeps words like
     * "aksnodepool1" from reading as a node. */
    private static final Pattern WINDOWS_NODE = Pattern.compile(
            TOKEN_START + "(" + WINDOWS_SCALE_SET + ")(00[0-9a-z]{4})(?![0-9a-z_-])");
    private static final Pattern WINDOWS_VM_NAME = Pattern.compile(
            TOKEN_START + "(" + WINDOWS_SCALE_SET + ")_(\\d{1,6})(?![\\d-])");
    private static final Pattern WINDOWS_SCALE_SET_NAME = Pattern.compile(WINDOWS_SCALE_SET);
    private static final Pattern VMSS_ONLY = Pattern.compile(
            TOKEN_START + "(" + LINUX_SCALE_SET + ")(?![0-9a-z_])");
    private static final Pattern AVAILABILITY_SET_NODE = Pattern.compile(
            TOKEN_START + "aks-[a-z0-9]{1,12}-\\d{8}-\\d{1,3}(?![0-9a-z_-])");

    NodeRef extract(String lower) {
        Matcher node = AnchoredMatch.first(NODE, lower, "aks-", WINDOW, MAX_TRIES);
        if (node != null) {
            return ofNodeName(node);
        }
        Matcher vm = AnchoredMatch.first(VM_NAME, lower, "aks-", WINDOW, MAX_TRIES);
        if (vm != null) {
            return ofVmName(vm);
        }
        Matcher id = AnchoredMatch.first(VMSS_VM_ID, lower, "virtualmachinescalesets/", WINDOW * 2, MAX_TRIES);
        if (id != null) {
            int instance = Integer.parseInt(id.group(2));
            String vmss = id.group(1);
            boolean aksScaleSet = (vmss.startsWith("aks-") && vmss.endsWith("-vmss"))
                    || WINDOWS_SCALE_SET_NAME.matcher(vmss).matches();
            return new NodeRef(aksScaleSet ? nodeName(vmss, instance) : null, vmss, Integer.toString(instance));
        }
        Matcher windowsNode = AnchoredMatch.first(WINDOWS_NODE, lower, "aks", WINDOW, MAX_TRIES);
        if (windowsNode != null) {
            return ofNodeName(windowsNode);
        }
        Matcher windowsVm = AnchoredMatch.first(WINDOWS_VM_NAME, lower, "aks", WINDOW, MAX_TRIES);
        if (windowsVm != null) {
            return ofVmName(windowsVm);
        }
        Matcher only = AnchoredMatch.first(VMSS_ONLY, lower, "aks-", WINDOW, MAX_TRIES);
        if (only != null) {
            return new NodeRef(null, only.group(1), null);
        }
        return new NodeRef(availabilitySetNode(lower), null, null);
    }

    /** The one availability-set node the paste names, else {@code null}. */
    private static String availabilitySetNode(String lower) {
        Matcher m = AVAILABILITY_SET_NODE.matcher(lower);
        m.useTransparentBounds(true);
        String found = null;
        int from = 0;
        for (int n = 0; n < MAX_TRIES; n++) {
            int at = lower.indexOf("aks-", from);
            if (at < 0) {
                break;
            }
            from = at + 1;
            m.region(at, Math.min(lower.length(), at + WINDOW));
            if (!m.lookingAt()) {
                continue;
            }
            if (found != null && !found.equals(m.group())) {
                return null;
            }
            found = m.group();
        }
        return found;
    }

    /** Group 1 the scale set, group 2 the instance ID in base 36. */
    private static NodeRef ofNodeName(Matcher node) {
        return new NodeRef(node.group(), node.group(1), Long.toString(Long.parseLong(node.group(2), 36)));
    }

    /** Group 1 the scale set, group 2 the instance ID after the underscore. */
    private static NodeRef ofVmName(Matcher vm) {
        int instance = Integer.parseInt(vm.group(2));
        return new NodeRef(nodeName(vm.group(1), instance), vm.group(1), Integer.toString(instance));
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
