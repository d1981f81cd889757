package dev.aksdoctor.check;

import dev.aksdoctor.azure.ActivityEventFacts;
import dev.aksdoctor.azure.ArmException;
import dev.aksdoctor.azure.ClusterAuthFacts;
import dev.aksdoctor.azure.ClusterFacts;
import dev.aksdoctor.diagnosis.CheckId;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What ARM proves about credentials the API server rejects: a certificate rotation in the Activity Log window
 * (kubeconfigs fetched before it carry the old CA and client certificates), local accounts disabled (admin and
 * certificate kubeconfigs are refused), or Entra ID integration (a kubeconfig needs kubelogin, and with Azure RBAC
 * a role assignment on the cluster). A rotation explains a kubeconfig that worked before, so it comes first.
 */
@ApplicationScoped
public class ClusterCredentialsCheck implements Check {

    static final String ROTATE = "Microsoft.ContainerService/managedClusters/rotateClusterCertificates/action";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    static final String AZURE_RBAC_ROLES = "Azure Kubernetes Service RBAC Reader, RBAC Writer, RBAC Admin or "
            + "RBAC Cluster Admin";

    @Override
    public CheckId id() {
        return CheckId.CLUSTER_CREDENTIALS;
    }

    @Override
    public Finding run(CheckContext context) {
        ClusterFacts cluster = context.facts().cluster();
        ClusterAuthFacts auth = cluster.auth();
        String name = cluster.ref().name();
        String rg = cluster.ref().resourceGroup();
        String getCredentials = "az aks get-credentials -g " + rg + " -n " + name;
        List<Evidence> evidence = new ArrayList<>();
        Optional<ActivityEventFacts> rotation;
        String unread = null;
        try {
            rotation = lastRotation(context.facts().activityLog(rg), cluster.id());
        } catch (ArmException e) {
            rotation = Optional.empty();
            unread = e.getMessage();
        }
        rotation.ifPresent(r -> evidence.add(Evidence.of("rotateClusterCertificates succeeded at " + when(r),
                cluster.id())));
        if (auth.localAccountsDisabled()) {
            evidence.add(Evidence.of("disableLocalAccounts: true", cluster.id()));
        }
        if (auth.entraId()) {
            evidence.add(Evidence.of("aadProfile.managed: true, enableAzureRBAC: " + auth.azureRbac()
                    + (auth.adminGroupObjectIds().isEmpty() ? ""
                            : ", adminGroupObjectIDs: " + String.join(", ", auth.adminGroupObjectIds())),
                    cluster.id()));
        }
        if (rotation.isPresent()) {
            return Findings.fail(id(), "The cluster's certificates were rotated at " + when(rotation.get())
                    + "; kubeconfigs fetched before then are rejected", evidence,
                    "Fetch the kubeconfig again: `" + getCredentials + "`" + (auth.entraId()
                            ? ", then `kubelogin convert-kubeconfig -l azurecli`." : "."), Docs.CERT_ROTATION);
        }
        if (auth.localAccountsDisabled()) {
            return Findings.fail(id(), "Local accounts are disabled on " + name
                    + ": admin and certificate kubeconfigs are refused", evidence,
                    "Use Entra ID credentials: `" + getCredentials
                            + "` (without `--admin`), then `kubelogin convert-kubeconfig -l azurecli`.",
                    Docs.LOCAL_ACCOUNTS);
        }
        if (auth.entraId()) {
            String authorize = auth.azureRbac()
                    ? " With Azure RBAC, the user needs an " + AZURE_RBAC_ROLES + " role assignment on the cluster."
                    : " Kubernetes RBAC decides what the user may do" + (auth.adminGroupObjectIds().isEmpty() ? "."
                            : "; members of the admin groups are cluster-admin.");
            return Findings.fail(id(), name + " uses Microsoft Entra ID: a kubeconfig without a kubelogin token is "
                    + "rejected", evidence, "`" + getCredentials + "`, then `kubelogin convert-kubeconfig -l azurecli`."
                            + authorize, Docs.ENTRA_ID);
        }
        if (unread != null) {
            return Findings.skip(id(), "Certificate rotations could not be read from the Activity Log",
                    "Local accounts are enabled and Entra ID is not integrated, but a recent certificate rotation "
                            + "cannot be ruled out: " + unread);
        }
        return Findings.pass(id(), "No certificate rotation in the Activity Log window; local accounts enabled; "
                + "no Entra ID integration", List.of(Evidence.of("disableLocalAccounts: false, aadProfile: none",
                        cluster.id())), Docs.CERT_ROTATION);
    }

    static String when(ActivityEventFacts event) {
        return WHEN.format(event.timestamp());
    }

    /** The newest succeeded rotation of this cluster among the events. */
    static Optional<ActivityEventFacts> lastRotation(List<ActivityEventFacts> events, String clusterId) {
        return events.stream()
                .filter(e -> ROTATE.equalsIgnoreCase(e.operationName()) && "Succeeded".equalsIgnoreCase(e.status())
                        && e.timestamp() != null
                        && (e.resourceId() == null || e.resourceId().equalsIgnoreCase(clusterId)))
                .max(Comparator.comparing(ActivityEventFacts::timestamp));
    }
}
