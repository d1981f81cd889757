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
        FAILED
    }

    private final Kind kind;
    private final int status;
    private final String errorCode;
    private final String permission;
    private final String scope;

    public ArmException(Kind kind, int status, String errorCode, String message, String permission, String scope) {
        super(message);
        this.kind = kind;
        this.status = status;
        this.errorCode = errorCode;
        this.permission = permission;
        this.scope = scope;
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
}
