package dev.aksdoctor.check;

import java.util.Objects;

/** What decided a finding: a rule, route, range or setting, with the ARM id of the resource that holds it. */
public record Evidence(String text, String resourceId) {
    public Evidence {
        Objects.requireNonNull(text, "text");
    }

    public static Evidence of(String text) {
        return new Evidence(text, null);
    }

    public static Evidence of(String text, String resourceId) {
        return new Evidence(text, resourceId);
    }
}
