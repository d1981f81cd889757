package dev.aksdoctor.investigation;

/** How an investigation was started. */
public enum InvestigationSource {
    SLASH_COMMAND,
    MESSAGE_SHORTCUT,
    MENTION,
    AUTODETECT,
    DIGEST
}
