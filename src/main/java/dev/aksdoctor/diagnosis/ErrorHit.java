package dev.aksdoctor.diagnosis;

/** One error recognised in a paste, the OS it applies to, and where it was first seen (normalised text). */
record ErrorHit(KnownError error, OsType os, int position) {

    String identity() {
        return error.identity();
    }
}
