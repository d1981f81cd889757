package dev.aksdoctor.azure;

import java.util.Optional;

/**
 * An ARM call that did not return what was asked for. Carries what the reply must say: for a 403 the
 * missing permission and its scope, for a missing credential how to configure one.
 */
public class ArmException extends RuntimeException {

    public enum Kind {
        NO_CREDENTIAL,
        FORBIDDEN,
        NOT_FOUND,
        THROTTLED,
        /** The subscription is not registered for the resource provider; registering it is an operator's write. */
        NOT_REGISTERED,
        FAILED
    }

    private final Kind kind;
    private final int status;
    private final String errorCode;
    private final String permission;
    private final String scope;
    private final String resourceProvider;

    public ArmException(Kind kind, int status, String errorCode, String message, String permission, String scope) {
        this(kind, status, errorCode, message, permission, scope, null);
    }

    private ArmException(Kind kind, int status, String errorCode, String message, String permission, String scope,
            String resourceProvider) {
        super(message);
        this.kind = kind;
        this.status = status;
        this.errorCode = errorCode;
        this.permission = permission;
        this.scope = scope;
        this.resourceProvider = resourceProvider;
    }

    /** ARM's {@code MissingSubscriptionRegistration}: the call needs {@code namespace} registered first. */
    public static ArmException notRegistered(String namespace, String subscriptionId, String permission,
            String scope) {
        return new ArmException(Kind.NOT_REGISTERED, 409, "MissingSubscriptionRegistration",
                "the subscription " + subscriptionId + " is not registered for " + namespace
                        + "; an operator can register it (az provider register --namespace " + namespace
                        + " --subscription " + subscriptionId + "); AKS Doctor never registers providers itself",
                permission, scope, namespace);
    }

    public static ArmException noCredential(String detail) {
        return new ArmException(Kind.NO_CREDENTIAL, 0, null, detail, null, null);
    }

    public static ArmException forbidden(String permission, String scope) {
        return new ArmException(Kind.FORBIDDEN, 403, "AuthorizationFailed",
                "missing permission " + permission + " on " + scope, permission, scope);
    }

    public static ArmException notFound(String resourceId) {
        return new ArmException(Kind.NOT_FOUND, 404, "ResourceNotFound", "not found: " + resourceId, null, resourceId);
    }

    public Kind kind() {
        return kind;
    }

    public int status() {
        return status;
    }

    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    public Optional<String> permission() {
        return Optional.ofNullable(permission);
    }

    public Optional<String> scope() {
        return Optional.ofNullable(scope);
    }

    /** For {@link Kind#NOT_REGISTERED}: the namespace to register, e.g. {@code Microsoft.ContainerService}. */
    public Optional<String> resourceProvider() {
        return Optional.ofNullable(resourceProvider);
    }
}
