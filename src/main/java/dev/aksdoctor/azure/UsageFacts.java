package dev.aksdoctor.azure;

/** One quota usage of a region, e.g. {@code standardDSv3Family} 48 of 50 cores. */
public record UsageFacts(String name, String displayName, long current, long limit) {
    public long available() {
        return Math.max(0, limit - current);
    }
}
