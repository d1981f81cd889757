package dev.aksdoctor.diagnosis;

import com.fasterxml.jackson.annotation.JsonValue;

/** Node operating system; Linux and Windows CSE exit codes collide, so codes are keyed on both. */
public enum OsType {
    LINUX("linux"),
    WINDOWS("windows");

    private final String json;

    OsType(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }
}
