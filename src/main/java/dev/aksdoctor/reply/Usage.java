package dev.aksdoctor.reply;

import java.util.List;

/**
 * How one sub-command is typed and what it is for, e.g. forms {@code ["digest", "digest now"]} and purpose
 * "health digests". Help is rendered from these; the manifest's {@code usage_hint} and the README are tested
 * against them.
 *
 * @param forms what follows {@code /aks-doctor}, first the plainest; each starts with the sub-command's name
 */
public record Usage(List<String> forms, String purpose) {

    public Usage {
        if (forms == null || forms.isEmpty() || purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("a usage needs at least one form and a purpose");
        }
        forms = List.copyOf(forms);
    }

    public static Usage of(String form, String purpose) {
        return new Usage(List.of(form), purpose);
    }
}
