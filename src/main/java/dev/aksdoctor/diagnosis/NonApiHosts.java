package dev.aksdoctor.diagnosis;

/**
 * Hosts the CSE contacts that are not the API server. The CSE {@code Output} is only the tail of the provisioning
 * log, so a line about one of these ({@code Connection to mcr.microsoft.com 443 port [tcp/https] succeeded!}) says
 * nothing about the API server connection.
 */
final class NonApiHosts {

    private static final String[] HOSTS = {
        "mcr.microsoft.com", "mcr.azk8s.cn", "gcr.azk8s.cn", "packages.microsoft.com", "packages.aks.azure.com",
        "acs-mirror", "azureedge.net", "blob.core.windows.net", "management.azure.com", "login.microsoftonline.com",
        "ubuntu.com", "docker.io", "azurecr.io", "github.com", "registry.k8s.io", "dl.k8s.io",
    };

    private NonApiHosts() {
    }

    static boolean mentionedIn(String lowerLine) {
        for (String host : HOSTS) {
            if (lowerLine.contains(host)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The part of the line of {@code lower} that leads up to {@code position}: at most {@code reach} characters back,
     * never past the start of the line. Tool output names the host before the failure
     * ({@code nc: connect to mcr.microsoft.com port 443 (tcp) failed: Connection timed out}).
     */
    static String lineBefore(String lower, int position, int reach) {
        int p = Math.max(0, Math.min(position, lower.length()));
        int start = p;
        int limit = Math.max(0, p - reach);
        while (start > limit && lower.charAt(start - 1) != '\n') {
            start--;
        }
        return lower.substring(start, p);
    }
}
