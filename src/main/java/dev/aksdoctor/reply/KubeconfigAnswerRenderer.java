package dev.aksdoctor.reply;

import dev.aksdoctor.diagnosis.ClusterRef;
import dev.aksdoctor.diagnosis.Diagnosis;
import java.util.regex.Pattern;

/**
 * The answer when the client that printed the error was not pointed at an AKS cluster (it dialled its own machine):
 * the cause is its kubeconfig, so the answer says so first and gives the commands that fix it, with no Azure check
 * ({@link ClientSideAnswerRenderer} lays it out). Also the one place that puts a paste's cluster names in a command.
 */
public final class KubeconfigAnswerRenderer {

    static final String CAUSE = "kubectl is not pointed at an AKS cluster";

    /** The parser's cluster-name rule ({@code NamedClusterFinder}); anything else stays a placeholder. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][-\\w]{0,62}");
    /** The parser's resource-group rule without parentheses, which a shell would read as syntax. */
    private static final Pattern GROUP = Pattern.compile("[A-Za-z0-9_][-\\w.]{0,89}");
    private static final Pattern SUBSCRIPTION = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private KubeconfigAnswerRenderer() {
    }

    static ClientSideAnswer answer(Diagnosis d) {
        return new ClientSideAnswer(CAUSE, cause(d),
                "No Azure checks ran: the failure happened on the client, before any request reached Azure.");
    }

    static String cause(Diagnosis d) {
        StringBuilder text = new StringBuilder(":rotating_light: *Likely cause — ").append(CAUSE).append("*")
                .append("\n• It dialled its own machine (`localhost`, `127.0.0.1` or `::1`): kubectl, helm and "
                        + "client-go go there when no kubeconfig is found or the current context is empty or local. "
                        + "No AKS API server listens on a loopback address.")
                .append("\n*Fix:*")
                .append("\n1. Fetch the cluster's credentials: ").append(Mrkdwn.code(getCredentials(d.cluster())))
                .append("\n2. Check where kubectl points: ").append(Mrkdwn.code("kubectl config current-context"))
                .append(" (and ").append(Mrkdwn.code("kubectl config get-contexts")).append(")")
                .append("\n3. In CI, terraform or helm, check that ").append(Mrkdwn.code("KUBECONFIG"))
                .append(" names that file, or pass ").append(Mrkdwn.code("--kubeconfig"))
                .append(" or ").append(Mrkdwn.code("--context"));
        return ClientSideAnswerRenderer.withFirstDoc(text, d);
    }

    /** Names from the paste only when they pass the parser's rules; otherwise placeholders to fill in. */
    static String getCredentials(ClusterRef cluster) {
        return "az aks get-credentials " + clusterArgs(cluster);
    }

    /**
     * {@code --resource-group … --name … [--subscription …]} for any {@code az aks} command: names from the paste only
     * when they pass the parser's rules, otherwise placeholders.
     */
    static String clusterArgs(ClusterRef cluster) {
        String group = cluster != null && GROUP.matcher(cluster.resourceGroup()).matches() ? cluster.resourceGroup()
                : "<resource-group>";
        String name = cluster != null && NAME.matcher(cluster.name()).matches() ? cluster.name() : "<cluster>";
        String subscription = cluster != null && cluster.subscriptionId() != null
                && SUBSCRIPTION.matcher(cluster.subscriptionId()).matches()
                ? " --subscription " + cluster.subscriptionId() : "";
        return "--resource-group " + group + " --name " + name + subscription;
    }
}
