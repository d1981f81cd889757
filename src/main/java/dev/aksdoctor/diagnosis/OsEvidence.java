package dev.aksdoctor.diagnosis;

/**
 * Which node OS a paste comes from, judged from text that only one OS's CSE produces. Needed because Linux and
 * Windows exit codes collide and the RP sentences ("Unable to establish connection from agents to Kubernetes API
 * server") carry no number.
 */
final class OsEvidence {

    private static final String[] WINDOWS = {
        "windows_cse_error_", "exitcode: |", "csecmd.ps1", "kuberneteswindowssetup", "windowscsehelper",
        "c:\\azuredata", "c:\\k\\", "aks.windowscse", "cseresult.log", "microsoft.compute.customscriptextension",
    };
    private static final String[] LINUX = {
        "cluster-provision.log", "/var/log/azure", "/opt/azure/containers", "provision.sh", "cse_main.sh",
        "microsoft.azure.extensions", "linuxtroubleshoot", "exit status=", "err_",
    };

    private final boolean windows;
    private final boolean linux;

    private OsEvidence(boolean windows, boolean linux) {
        this.windows = windows;
        this.linux = linux;
    }

    static OsEvidence of(String lower) {
        boolean windows = containsAny(lower, WINDOWS)
                || (lower.contains("customscriptextension") && lower.contains("microsoft.compute"));
        return new OsEvidence(windows, containsAny(lower, LINUX));
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

    private static boolean containsAny(String text, String[] needles) {
        for (String needle : needles) {
            if (text.contains(needle)) {
                return true;
            }
        }
        return false;
    }
}
