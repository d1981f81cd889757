package dev.aksdoctor.reply;

import dev.aksdoctor.diagnosis.Diagnosis;

/**
 * The answer when kubectl reached the API server but was not let in ({@code KubectlUnauthorized}), or its credential
 * plugin gave it no token to send ({@code KubectlCredentialPluginFailed}): the fix is a fresh kubeconfig or kubelogin,
 * in the order the AKS docs give.
 */
final class CredentialsAnswer {

    static final String REJECTED = "KubectlUnauthorized";
    static final String PLUGIN = "KubectlCredentialPluginFailed";
    static final String NO_LOCAL = "LocalAccountsDisabled";
    static final String REJECTED_CAUSE = "the API server rejected kubectl's credentials";
    static final String PLUGIN_CAUSE = "kubectl's credential plugin (kubelogin) gave it no token";
    static final String NO_LOCAL_CAUSE = "the cluster disables local accounts, so its admin credentials are refused";

    private CredentialsAnswer() {
    }

    static boolean answers(String code) {
        return REJECTED.equals(code) || PLUGIN.equals(code) || NO_LOCAL.equals(code);
    }

    static ClientSideAnswer answer(Diagnosis d) {
        if (NO_LOCAL.equals(d.errorCode())) {
            return noLocalAccounts(d);
        }
        return PLUGIN.equals(d.errorCode()) ? plugin(d) : rejected(d);
    }

    private static ClientSideAnswer noLocalAccounts(Diagnosis d) {
        StringBuilder text = new StringBuilder(":rotating_light: *Likely cause — ").append(NO_LOCAL_CAUSE).append("*")
                .append("\n• The error says so: with local accounts disabled, AKS gives out no static admin "
                        + "kubeconfig (").append(Mrkdwn.code("--admin")).append(", terraform's ")
                .append(Mrkdwn.code("kube_admin_config")).append("); every caller signs in with Microsoft Entra ID.")
                .append("\n*Fix:*")
                .append("\n1. Fetch the user credentials instead: ")
                .append(Mrkdwn.code(KubeconfigAnswerRenderer.getCredentials(d.cluster())))
                .append("\n2. Let kubectl sign in with the Azure CLI: ")
                .append(Mrkdwn.code("kubelogin convert-kubeconfig -l azurecli"))
                .append("\n3. The identity (a person, or the pipeline's service principal or managed identity) needs "
                        + "the cluster's admin group or an AKS RBAC role");
        return new ClientSideAnswer(NO_LOCAL_CAUSE, ClientSideAnswerRenderer.withFirstDoc(text, d),
                "No Azure checks ran: the error itself names the cluster's setting.");
    }

    private static ClientSideAnswer rejected(Diagnosis d) {
        String args = KubeconfigAnswerRenderer.clusterArgs(d.cluster());
        StringBuilder text = new StringBuilder(":rotating_light: *Likely cause — ").append(REJECTED_CAUSE).append("*")
                .append("\n• kubectl reached the cluster, so the network path works; the user or token in the "
                        + "kubeconfig is what the API server refused.")
                .append("\n• Usual reasons: the kubeconfig is stale (the cluster's certificates were rotated, or the "
                        + "cluster was deleted and recreated under the same name); the cluster uses Microsoft Entra ID "
                        + "and the kubeconfig was not converted for kubelogin; the identity is not in the cluster's "
                        + "admin group or has no Kubernetes or Azure RBAC role.")
                .append("\n*Fix:*")
                .append("\n1. Fetch fresh credentials: ")
                .append(Mrkdwn.code("az aks get-credentials " + args + " --overwrite-existing"))
                .append("\n2. On an Entra ID cluster, sign in with the Azure CLI and convert the kubeconfig: ")
                .append(Mrkdwn.code("kubelogin convert-kubeconfig -l azurecli"))
                .append("\n3. Still refused: see how the cluster authenticates (admin groups, Azure RBAC, local "
                        + "accounts): ")
                .append(Mrkdwn.code("az aks show " + args + " --query \"{aad: aadProfile, "
                        + "localAccountsDisabled: disableLocalAccounts}\""))
                .append(" (with local accounts disabled, ").append(Mrkdwn.code("--admin"))
                .append(" credentials are refused: use Entra ID)");
        return new ClientSideAnswer(REJECTED_CAUSE, ClientSideAnswerRenderer.withFirstDoc(text, d), "No Azure checks ran: the API server answered, "
                + "so the cluster's network is not in question, and the credentials it refused are in the kubeconfig.");
    }

    private static ClientSideAnswer plugin(Diagnosis d) {
        StringBuilder text = new StringBuilder(":rotating_light: *Likely cause — ").append(PLUGIN_CAUSE).append("*")
                .append("\n• The kubeconfig runs an exec plugin (kubelogin, on AKS clusters with Microsoft Entra ID) "
                        + "to get a token. It is not on the PATH of the machine or container that ran kubectl, or its "
                        + "sign-in failed (a device code that expired, or Conditional Access that forbids device code).")
                .append("\n*Fix:*")
                .append("\n1. Install kubelogin: ").append(Mrkdwn.code("az aks install-cli"))
                .append(" (in CI, on the agent's PATH)")
                .append("\n2. Sign in with the Azure CLI rather than a device code: ").append(Mrkdwn.code("az login"))
                .append(", then ").append(Mrkdwn.code("kubelogin convert-kubeconfig -l azurecli"))
                .append("\n3. Still failing: fetch a fresh kubeconfig: ")
                .append(Mrkdwn.code(KubeconfigAnswerRenderer.getCredentials(d.cluster()) + " --overwrite-existing"));
        return new ClientSideAnswer(PLUGIN_CAUSE, ClientSideAnswerRenderer.withFirstDoc(text, d),
                "No Azure checks ran: no request reached the cluster, kubectl stopped at its own credential plugin.");
    }
}
