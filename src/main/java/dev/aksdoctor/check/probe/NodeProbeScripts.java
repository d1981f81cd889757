package dev.aksdoctor.check.probe;

import java.util.List;

/** Builds the run-command scripts that probe the API server (or another endpoint) from a node. */
public final class NodeProbeScripts {

    /** Prefix of every marker line the scripts print; {@link ProbeOutputParser} reads them. */
    public static final String MARKER = "AKSDOCTOR_STEP";

    private NodeProbeScripts() {
    }

    /** Lines for the {@code RunShellScript} command. */
    public static List<String> linuxScript(ProbeTarget target) {
        throw new UnsupportedOperationException("todo");
    }

    /** Lines for the {@code RunPowerShellScript} command. */
    public static List<String> windowsScript(ProbeTarget target) {
        throw new UnsupportedOperationException("todo");
    }
}
