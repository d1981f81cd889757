package dev.aksdoctor.digest;

import java.util.Locale;
import java.util.Optional;

/**
 * Azure-side changes that the troubleshooting guides name as common causes of node and API server
 * connectivity failures, recognised by their Activity Log operation.
 */
public enum ChangeKind {
    NSG_RULE("NSG rule", "microsoft.network/networksecuritygroups/securityrules/", "microsoft.network/networksecuritygroups/write"),
    ROUTE("route table", "microsoft.network/routetables/routes/", "microsoft.network/routetables/write"),
    PRIVATE_DNS_LINK("private DNS zone link", "microsoft.network/privatednszones/virtualnetworklinks/", null),
    VNET("VNet (DNS servers)", "microsoft.network/virtualnetworks/write", null),
    CLUSTER("cluster settings (authorized IP ranges, network)", "microsoft.containerservice/managedclusters/write", null);

    private final String label;
    private final String prefix;
    private final String exact;

    ChangeKind(String label, String prefix, String exact) {
        this.label = label;
        this.prefix = prefix;
        this.exact = exact;
    }

    public String label() {
        return label;
    }

    public static Optional<ChangeKind> of(String operationName) {
        if (operationName == null) {
            return Optional.empty();
        }
        String op = operationName.toLowerCase(Locale.ROOT);
        boolean writeOrDelete = op.endsWith("/write") || op.endsWith("/delete");
        if (!writeOrDelete) {
            return Optional.empty();
        }
        for (ChangeKind k : values()) {
            if (op.startsWith(k.prefix) || op.equals(k.exact)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
