package dev.aksdoctor.diagnosis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Azure region names in their ARM form ({@code eastus}), from {@code catalog/regions.txt}. */
final class AzureRegions {

    private static final Set<String> REGIONS = load();

    private AzureRegions() {
    }

    static boolean isRegion(String name) {
        return REGIONS.contains(name);
    }

    /**
     * The region named at the start of {@code words} ({@code "East US 2, current limit"} → {@code eastus2}):
     * the longest run of up to four words that, lower-cased and joined without spaces, is a region.
     */
    static String leading(String words) {
        String[] parts = words.trim().toLowerCase(Locale.ROOT).split("[^a-z0-9]+", 6);
        String best = null;
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < Math.min(4, parts.length); i++) {
            joined.append(parts[i]);
            if (REGIONS.contains(joined.toString())) {
                best = joined.toString();
            }
        }
        return best;
    }

    private static Set<String> load() {
        Set<String> regions = new HashSet<>();
        try (InputStream in = AzureRegions.class.getResourceAsStream("/catalog/regions.txt")) {
            if (in == null) {
                throw new IllegalStateException("missing catalog/regions.txt");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                String region = line.trim();
                if (!region.isEmpty() && !region.startsWith("#")) {
                    regions.add(region);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(regions);
    }
}
