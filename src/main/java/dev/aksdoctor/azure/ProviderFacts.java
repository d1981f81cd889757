package dev.aksdoctor.azure;

/** A resource provider's registration state in a subscription, e.g. Registered / NotRegistered. */
public record ProviderFacts(String namespace, String registrationState) {
}
