package dev.aksdoctor.diagnosis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the parser knows about AKS errors, loaded once from {@code catalog/*.tsv}: every Linux and Windows CSE
 * exit code with its constant, meaning, RP-facing names (new and legacy) and doc links, and the ARM, kubectl and
 * pod errors of the troubleshooting seeds with the phrases that name them.
 */
public final class KnowledgeCatalog {

    static final String CSE_RESOURCE = "/catalog/cse-exit-codes.tsv";
    static final String AZURE_RESOURCE = "/catalog/azure-errors.tsv";
    static final String RP_RESOURCE = "/catalog/aks-rp-errors.tsv";

    private static final KnowledgeCatalog DEFAULT = load();

    private final Map<String, KnownError> byOsAndCode;
    private final Map<String, KnownError> byCode;
    private final Map<String, KnownError> phrases;

    private KnowledgeCatalog(Map<String, KnownError> byOsAndCode, Map<String, KnownError> byCode,
            Map<String, KnownError> phrases) {
        this.byOsAndCode = Map.copyOf(byOsAndCode);
        this.byCode = Map.copyOf(byCode);
        this.phrases = Map.copyOf(phrases);
    }

    public static KnowledgeCatalog defaultCatalog() {
        return DEFAULT;
    }

    public Optional<KnownError> cse(OsType os, int exitCode) {
        return Optional.ofNullable(byOsAndCode.get(key(os, exitCode)));
    }

    /** A non-CSE error by its canonical code, e.g. {@code QuotaExceeded}. */
    public Optional<KnownError> error(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public Collection<KnownError> cseCodes() {
        return byOsAndCode.values();
    }

    /** Squeezed phrase (see {@link SqueezedText#squeeze}) → the error it names; includes every constant and name. */
    Map<String, KnownError> phrases() {
        return phrases;
    }

    private static String key(OsType os, int code) {
        return os.json() + ":" + code;
    }

    private static KnowledgeCatalog load() {
        Map<String, KnownError> byOsAndCode = new HashMap<>();
        Map<String, KnownError> byCode = new HashMap<>();
        Map<String, KnownError> phrases = new LinkedHashMap<>();
        for (String[] row : rows(CSE_RESOURCE, 8)) {
            OsType os = "windows".equals(row[0]) ? OsType.WINDOWS : OsType.LINUX;
            int exitCode = Integer.parseInt(row[1]);
            String constant = row[2];
            String rpName = row[4];
            List<String> legacy = split(row[5]);
            String canonical = os == OsType.WINDOWS ? constant
                    : !rpName.isEmpty() ? rpName : !legacy.isEmpty() ? legacy.get(0) : constant;
            KnownError error = new KnownError(canonical, exitCode, os, constant, row[3], row[6], false, docs(row[7]),
                    List.of());
            byOsAndCode.put(key(os, exitCode), error);
            List<String> names = new ArrayList<>(legacy);
            names.add(constant);
            if (!rpName.isEmpty()) {
                names.add(rpName);
            }
            for (String name : names) {
                phrases.putIfAbsent(SqueezedText.squeeze(name), error);
            }
        }
        List<String[]> azure = new ArrayList<>(rows(AZURE_RESOURCE, 7));
        // The RP catalog has one more column (where each code comes from); the loader reads the same first seven.
        azure.addAll(rows(RP_RESOURCE, 8));
        for (String[] row : azure) {
            KnownError error = new KnownError(row[0], null, null, row[0], row[3], row[2], "wrapper".equals(row[1]),
                    docs(row[5]), split(row[6]));
            if (byCode.putIfAbsent(error.code(), error) != null) {
                throw new IllegalStateException("error code listed twice in the catalogs: " + error.code());
            }
            phrases.putIfAbsent(SqueezedText.squeeze(error.code()), error);
            for (String phrase : split(row[4])) {
                phrases.putIfAbsent(SqueezedText.squeeze(phrase), error);
            }
        }
        return new KnowledgeCatalog(byOsAndCode, byCode, phrases);
    }

    /** Every non-CSE error of the catalogs (ARM, RP, kubectl, pod). */
    Collection<KnownError> errors() {
        return byCode.values();
    }

    private static List<String[]> rows(String resource, int columns) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = KnowledgeCatalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing catalog resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (cells.length != columns) {
                    throw new IllegalStateException(resource + ": expected " + columns + " columns: " + line);
                }
                rows.add(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static List<String> split(String cell) {
        List<String> out = new ArrayList<>();
        for (String part : cell.split(",")) {
            String trimmed = part.trim();
            if (!trimmed.isEmpty() && !out.contains(trimmed)) {
                out.add(trimmed);
            }
        }
        return out;
    }

    private static List<DocLink> docs(String cell) {
        List<DocLink> docs = new ArrayList<>();
        for (String pair : cell.split(" ;; ")) {
            if (pair.isBlank()) {
                continue;
            }
            int bar = pair.lastIndexOf('|');
            docs.add(new DocLink(pair.substring(0, bar).trim(), pair.substring(bar + 1).trim()));
        }
        return docs;
    }
}
