package dev.aksdoctor.azure;

/** A public IP prefix ({@code properties.ipPrefix}, e.g. {@code 20.61.8.0/30}); null while unallocated. */
public record PublicIpPrefixFacts(String id, String ipPrefix) {
}
