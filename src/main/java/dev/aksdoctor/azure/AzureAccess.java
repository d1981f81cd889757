package dev.aksdoctor.azure;

import java.util.Objects;

/** Whether ARM can be called at all, and what to tell an operator when it cannot. */
public record AzureAccess(boolean configured, String detail) {

    public static final String HOW_TO_CONFIGURE = "set AZURE_CLIENT_ID/AZURE_TENANT_ID/AZURE_CLIENT_SECRET, "
            + "or use workload identity or a managed identity (see the README's Azure section)";

    public AzureAccess {
        Objects.requireNonNull(detail, "detail");
    }

    public static AzureAccess available(String detail) {
        return new AzureAccess(true, detail);
    }

    public static AzureAccess unavailable(String detail) {
        return new AzureAccess(false, detail);
    }
}
