package dev.aksdoctor.digest;

import dev.aksdoctor.azure.ClusterFacts;
import java.util.Locale;

/** Which state of a cluster is worth an alert, and when a change of state is one. */
public final class ClusterAlertState {

    public static final String FAILED = "Failed";
    public static final String STOPPED = "Stopped";
    public static final String OK = "OK";

    private ClusterAlertState() {
    }

    /** Failed (provisioning) wins over Stopped (power): a failed operation is what someone must act on. */
    public static String of(ClusterFacts cluster) {
        if (FAILED.equalsIgnoreCase(cluster.provisioningState())) {
            return FAILED;
        }
        if (STOPPED.equalsIgnoreCase(cluster.powerState())) {
            return STOPPED;
        }
        return OK;
    }

    /** One alert per turn into Failed or Stopped; staying there, or recovering, posts nothing. */
    public static boolean alerts(String previous, String current) {
        return isAlerting(current) && !current.equalsIgnoreCase(previous == null ? "" : previous);
    }

    static boolean isAlerting(String state) {
        String s = state == null ? "" : state.toLowerCase(Locale.ROOT);
        return s.equals("failed") || s.equals("stopped");
    }
}
