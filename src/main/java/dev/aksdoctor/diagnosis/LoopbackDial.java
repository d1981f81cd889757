package dev.aksdoctor.diagnosis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a client's connection error names its own machine as the server it dialled
 * ({@code The connection to the server localhost:8080 was refused}, {@code dial tcp [::1]:80},
 * {@code dial tcp 127.0.0.1:8080}): kubectl, helm and client-go fall back to localhost when no kubeconfig or context
 * is set, and a loopback address is never the API server of an AKS cluster. Works on squeezed text.
 */
final class LoopbackDial {

    /** Where kubectl and Go's net package name the server they dialled; {@code dial tcp4}/{@code tcp6} is not one. */
    private static final String[] SERVER_BEFORE = {"dialtcp", "theconnectiontotheserver"};
    private static final Pattern LOOPBACK = Pattern.compile(
            "(?:localhost|127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}|\\[::1])(?![a-z0-9.-])");
    /**
     * kubectl port-forward dials the pod's loopback inside the node ({@code failed to connect to localhost:5432 inside
     * namespace}, {@code socat … 127.0.0.1:80}): the client reached the cluster, so its configuration is not the cause.
     */
    private static final String[] PORT_FORWARD = {"portforward", "port-forward", "errorforwardingport", "forwardingfrom"};

    private LoopbackDial() {
    }

    /**
     * True when the first server named in {@code squeezedWindow} is a loopback address. Go says {@code proxyconnect tcp:
     * dial tcp 127.0.0.1:3128} when the dial was to an HTTPS proxy on the client's machine: kubectl was pointed at a
     * cluster then, and the local proxy is what refused.
     */
    static boolean firstServerIsLoopback(String squeezedWindow) {
        if (squeezedWindow.contains("proxyconnect")) {
            return false;
        }
        int at = -1;
        int end = -1;
        for (String marker : SERVER_BEFORE) {
            int i = squeezedWindow.indexOf(marker);
            if (i >= 0 && (at < 0 || i < at)) {
                at = i;
                end = i + marker.length();
            }
        }
        if (at < 0) {
            return false;
        }
        Matcher m = LOOPBACK.matcher(squeezedWindow);
        m.region(end, squeezedWindow.length());
        return m.lookingAt();
    }

    static boolean showsPortForward(String squeezed) {
        for (String marker : PORT_FORWARD) {
            if (squeezed.contains(marker)) {
                return true;
            }
        }
        return false;
    }
}
