package dev.aksdoctor.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.Yaml;

/**
 * Just enough of {@code kubectl kustomize} to check deploy/k8s without kubectl: resources, components and
 * strategic-merge patches, with lists of containers, env, volumes and mounts merged by their keys. The
 * namespace transformer and generators are not needed by these manifests, so they are not implemented;
 * anything else in a kustomization fails the render rather than being ignored.
 */
final class Kustomize {

    private static final List<String> KNOWN_FIELDS = List.of("apiVersion", "kind", "namespace", "resources",
            "components", "patches");

    private Kustomize() {
    }

    /** The documents {@code kubectl kustomize dir} would print, as plain maps and lists. */
    static List<Map<String, Object>> build(Path dir) {
        Map<String, Object> k = kustomization(dir);
        List<Map<String, Object>> docs = resources(dir, k);
        // A component's resources join the overlay, and its patches apply to everything gathered so far.
        for (String component : strings(k.get("components"))) {
            Path c = dir.resolve(component).normalize();
            Map<String, Object> ck = kustomization(c);
            if (!"Component".equals(ck.get("kind"))) {
                throw new IllegalStateException(c + " is listed as a component but is a " + ck.get("kind"));
            }
            docs.addAll(resources(c, ck));
            applyPatches(c, ck, docs);
        }
        applyPatches(dir, k, docs);
        return docs;
    }

    private static List<Map<String, Object>> resources(Path dir, Map<String, Object> k) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (String resource : strings(k.get("resources"))) {
            Path p = dir.resolve(resource).normalize();
            docs.addAll(Files.isDirectory(p) ? build(p) : load(p));
        }
        return docs;
    }

    private static void applyPatches(Path dir, Map<String, Object> k, List<Map<String, Object>> docs) {
        for (Object patch : list(k.get("patches"))) {
            Path file = dir.resolve((String) map(patch).get("path"));
            for (Map<String, Object> p : load(file)) {
                Map<String, Object> target = docs.stream()
                        .filter(d -> Objects.equals(d.get("kind"), p.get("kind"))
                                && Objects.equals(name(d), name(p)))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException(file + " patches " + p.get("kind") + " "
                                + name(p) + ", which no resource defines"));
                merge(target, p);
            }
        }
    }

    private static Map<String, Object> kustomization(Path dir) {
        Path file = dir.resolve("kustomization.yaml");
        List<Map<String, Object>> docs = load(file);
        if (docs.size() != 1) {
            throw new IllegalStateException(file + " must hold one document");
        }
        Map<String, Object> k = docs.get(0);
        for (String field : k.keySet()) {
            if (!KNOWN_FIELDS.contains(field)) {
                throw new IllegalStateException(file + ": '" + field + "' is not understood by this test's renderer");
            }
        }
        return k;
    }

    static List<Map<String, Object>> load(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<Map<String, Object>> docs = new ArrayList<>();
            for (Object doc : new Yaml().loadAll(r)) {
                if (doc != null) {
                    docs.add(map(doc));
                }
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> target, Map<String, Object> patch) {
        for (Map.Entry<String, Object> e : patch.entrySet()) {
            Object existing = target.get(e.getKey());
            Object value = e.getValue();
            if (existing instanceof Map && value instanceof Map) {
                merge((Map<String, Object>) existing, (Map<String, Object>) value);
            } else if (existing instanceof List && value instanceof List && mergeKey(e.getKey()) != null) {
                mergeList((List<Object>) existing, (List<Object>) value, mergeKey(e.getKey()));
            } else {
                target.put(e.getKey(), value);
            }
        }
    }

    /** The patch merge keys of the Kubernetes API for the lists these manifests patch. */
    private static String mergeKey(String field) {
        switch (field) {
            case "containers":
            case "env":
            case "volumes":
                return "name";
            case "volumeMounts":
                return "mountPath";
            default:
                return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static void mergeList(List<Object> target, List<Object> patch, String key) {
        for (Object item : patch) {
            Map<String, Object> p = (Map<String, Object>) item;
            Map<String, Object> match = target.stream().map(Kustomize::map)
                    .filter(t -> Objects.equals(t.get(key), p.get(key)))
                    .findFirst().orElse(null);
            if (match == null) {
                target.add(new LinkedHashMap<>(p));
            } else {
                merge(match, p);
            }
        }
    }

    static String name(Map<String, Object> doc) {
        return (String) map(doc.get("metadata")).get("name");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o == null ? Map.of() : (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return o == null ? List.of() : (List<Object>) o;
    }

    static List<String> strings(Object o) {
        List<String> out = new ArrayList<>();
        for (Object x : list(o)) {
            out.add((String) x);
        }
        return out;
    }
}
