package dev.aksdoctor.azure;

/** A subscription and its state: Enabled, Warned, PastDue, Disabled or Deleted. */
public record SubscriptionFacts(String subscriptionId, String displayName, String state) {
}
