package dev.aksdoctor.azure;

import java.util.List;
import java.util.Objects;

/**
 * An ARM error as a resource reports it ({@code properties.status.provisioningError} of a managed cluster or an
 * agent pool): the outer code with its nested details, e.g. {@code ResourceOperationFailure} holding
 * {@code QuotaExceeded}.
 */
public record ArmErrorFacts(String code, String message, List<ArmErrorFacts> details) {
    public ArmErrorFacts {
        Objects.requireNonNull(code, "code");
        details = details == null ? List.of() : List.copyOf(details);
    }
}
