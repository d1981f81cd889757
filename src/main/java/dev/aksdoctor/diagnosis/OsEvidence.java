package dev.aksdoctor.diagnosis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which node OS a paste comes from, judged from text that only one OS's CSE produces. Needed because Linux and
 * Windows exit codes collide and the RP sentences ("Unable to establish connection from agents to Kubernetes API
 * server") carry no number. Markers are matched on the squeezed text in one pass.
 */
final class OsEvidence {

    private static final List<String> WINDOWS = List.of(
            "windows_cse_error_", "exitcode:|", "csecmd.ps1", "kuberneteswindowssetup", "windowscsehelper",
            "c:azuredata", "aks.windowscse", "cseresult.log", "microsoft.compute.customscriptextension",
            "type:customscriptextension", "type'customscriptextension'",
            "vmextensioncsewindowstroubleshoot");
    private static final List<String> LINUX = List.of(
            "cluster-provision.log", "/var/log/azure", "/opt/azure/containers", "provision.sh", "cse_main.sh",
            "microsoft.azure.extensions", "linuxtroubleshoot", "exitstatus=", "err_");
    private static final PhraseTrie<OsType> MARKERS = markers();
    private static final int MAX_HITS = 64;

    private final boolean windows;
    private final boolean linux;

    private OsEvidence(boolean windows, boolean linux) {
        this.windows = windows;
        this.linux = linux;
    }

    static OsEvidence of(String squeezed) {
        boolean windows = false;
        boolean linux = false;
        for (PhraseTrie.Hit<OsType> hit : MARKERS.find(squeezed, MAX_HITS)) {
            windows |= hit.value() == OsType.WINDOWS;
            linux |= hit.value() == OsType.LINUX;
        }
        return new OsEvidence(windows, linux);
    }

    boolean windows() {
        return windows;
    }

    boolean linux() {
        return linux;
    }

    /** The OS when the evidence points one way only. */
    OsType only() {
        if (windows == linux) {
            return null;
        }
        return windows ? OsType.WINDOWS : OsType.LINUX;
    }

    private static PhraseTrie<OsType> markers() {
        Map<String, OsType> markers = new HashMap<>();
        WINDOWS.forEach(m -> markers.put(m, OsType.WINDOWS));
        LINUX.forEach(m -> markers.put(m, OsType.LINUX));
        return new PhraseTrie<>(markers);
    }
}
