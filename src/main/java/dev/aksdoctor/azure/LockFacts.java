package dev.aksdoctor.azure;

/** A management lock; {@code level} is CanNotDelete or ReadOnly. */
public record LockFacts(String id, String name, String level, String notes) {
}
