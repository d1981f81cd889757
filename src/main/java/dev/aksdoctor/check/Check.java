package dev.aksdoctor.check;

import dev.aksdoctor.diagnosis.CheckId;
import java.util.Set;

/**
 * One check: a function over facts fetched (once) through {@link CheckContext#facts()}. It may throw
 * {@link dev.aksdoctor.azure.ArmException}; the runner turns that into a finding that names the missing
 * permission, credential or resource.
 */
public interface Check {

    CheckId id();

    /** Checks that must finish first when they are in the same plan (e.g. the subnet before its NSG). */
    default Set<CheckId> after() {
        return Set.of();
    }

    Finding run(CheckContext context);
}
