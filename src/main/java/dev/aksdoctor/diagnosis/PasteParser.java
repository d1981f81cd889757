package dev.aksdoctor.diagnosis;

import jakarta.enterprise.context.ApplicationScoped;

/** Turns a pasted AKS error into a {@link Diagnosis}. Pure: no I/O, never throws on any input. */
@ApplicationScoped
public class PasteParser {

    public Diagnosis parse(String text) {
        // Seam for the parser issue (#3); until it lands nothing is recognised.
        return new Diagnosis(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, "No known AKS error was recognised.", null, null);
    }
}
