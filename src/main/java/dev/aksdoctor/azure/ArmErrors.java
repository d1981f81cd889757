package dev.aksdoctor.azure;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.management.exception.ManagementException;
import com.azure.identity.CredentialUnavailableException;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Turns what the SDK throws into {@link ArmException}: a 403 names the missing permission and its scope
 * (ARM's own wording when it gives one), a credential failure says how to configure one.
 */
final class ArmErrors {

    private static final Logger LOG = Logger.getLogger(ArmErrors.class);
    private static final Pattern AUTHORIZATION_FAILED = Pattern.compile(
            "perform action '([^']+)' over scope '([^']+)'");
    private static final Pattern NAMESPACE = Pattern.compile("namespace '([^']+)'");
    private static final Pattern SUBSCRIPTION = Pattern.compile("(?i)^/subscriptions/([^/]+)");

    private ArmErrors() {
    }

    /** Runs one SDK call needing {@code permission} on {@code scope}; every failure leaves as {@link ArmException}. */
    static <T> T call(String permission, String scope, Supplier<T> call) {
        try {
            return call.get();
        } catch (ManagementException e) {
            throw mapped(e, permission, scope);
        } catch (ClientAuthenticationException e) {
            throw noCredential(e);
        } catch (ArmException e) {
            throw e;
        } catch (RuntimeException e) {
            if (hasCause(e, CredentialUnavailableException.class) || hasCause(e, ClientAuthenticationException.class)) {
                throw noCredential(e);
            }
            LOG.debugf(e, "ARM call failed for %s", scope);
            throw new ArmException(ArmException.Kind.FAILED, 0, null,
                    "ARM call failed: " + e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()), permission,
                    scope);
        }
    }

    /**
     * Runs one SDK call that returns nothing (an action such as start or reimage). The generated clients list
     * the success codes the REST spec names (start: 202, 204) and throw on any other, but ARM also answers such
     * actions 200 with {@code {}} when the resource is already there: every 2xx is a success. Unless it carries
     * ARM's error code: then it is the last look at a long-running operation that failed (ARM answers that look
     * 200 with {@code "status": "Failed"} and the error).
     */
    static void action(String permission, String scope, Runnable call) {
        call(permission, scope, () -> {
            try {
                call.run();
            } catch (ManagementException e) {
                int status = e.getResponse() == null ? 0 : e.getResponse().getStatusCode();
                boolean failedOperation = e.getValue() != null && e.getValue().getCode() != null;
                if (status < 200 || status > 299 || failedOperation) {
                    throw e;
                }
                LOG.debugf("%s on %s answered %d, which the SDK did not expect; taken as success", permission,
                        scope, status);
            }
            return null;
        });
    }

    private static ArmException mapped(ManagementException e, String permission, String scope) {
        int status = e.getResponse() == null ? 0 : e.getResponse().getStatusCode();
        String code = e.getValue() == null ? null : e.getValue().getCode();
        String message = e.getValue() == null ? e.getMessage() : e.getValue().getMessage();
        if (status == 403) {
            Matcher m = AUTHORIZATION_FAILED.matcher(message == null ? "" : message);
            if (m.find()) {
                return new ArmException(ArmException.Kind.FORBIDDEN, 403, code,
                        "missing permission " + m.group(1) + " on " + m.group(2), m.group(1), m.group(2));
            }
            return ArmException.forbidden(permission, scope);
        }
        if ("MissingSubscriptionRegistration".equalsIgnoreCase(code)) {
            Matcher namespace = NAMESPACE.matcher(message == null ? "" : message);
            Matcher subscription = SUBSCRIPTION.matcher(scope == null ? "" : scope);
            return ArmException.notRegistered(namespace.find() ? namespace.group(1) : "(unnamed provider)",
                    subscription.find() ? subscription.group(1) : "(unknown)", permission, scope);
        }
        if (status == 404) {
            return new ArmException(ArmException.Kind.NOT_FOUND, 404, code, "not found: " + scope, permission, scope);
        }
        if (status == 429) {
            return new ArmException(ArmException.Kind.THROTTLED, 429, code,
                    "ARM kept throttling (429) after retries: " + scope, permission, scope);
        }
        return new ArmException(ArmException.Kind.FAILED, status, code,
                "ARM " + status + " " + Objects.toString(code, "") + ": " + firstLine(message), permission, scope);
    }

    private static ArmException noCredential(RuntimeException e) {
        return ArmException.noCredential("no credential: " + AzureAccess.HOW_TO_CONFIGURE + " ("
                + firstLine(e.getMessage()) + ")");
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        String line = text.lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
