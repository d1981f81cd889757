package dev.aksdoctor.deploy;

import static dev.aksdoctor.deploy.Kustomize.list;
import static dev.aksdoctor.deploy.Kustomize.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * deploy/k8s rendered per overlay (as {@code kubectl kustomize} would) and checked against what the service
 * really reads and serves, so a renamed setting or a moved endpoint breaks the build, not a rollout.
 */
class KubernetesManifestsTest {

    static final Path K8S = Path.of("deploy", "k8s");

    /** Read by libraries rather than by our configuration: the Azure SDK's credential chain. */
    private static final Set<String> READ_BY_LIBRARIES = Set.of("AZURE_TOKEN_CREDENTIALS");

    private static final Pattern SECRET_NAME = Pattern.compile("TOKEN|SECRET|PASSWORD|USERNAME|CREDENTIAL_KEY");
    private static final Pattern SECRET_VALUE = Pattern.compile("^(xox[a-z]-|xapp-)|password=", Pattern.CASE_INSENSITIVE);

    static List<String> overlays() {
        try (Stream<Path> dirs = Files.list(K8S.resolve("overlays"))) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Rendered render(String overlay) {
        return new Rendered(overlay, Kustomize.build(K8S.resolve("overlays").resolve(overlay)));
    }

    @Test
    void overlays_areTheThreeDocumentedVariants() {
        assertEquals(List.of("postgresql", "single-h2", "socket-mode"), overlays());
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void probes_hitTheHealthEndpointsOnTheHttpPort(String overlay) {
        Map<String, Object> c = render(overlay).container();
        assertEquals("/q/health/live", probePath(c, "livenessProbe"), overlay);
        assertEquals("/q/health/ready", probePath(c, "readinessProbe"), overlay);
        assertEquals("/q/health/started", probePath(c, "startupProbe"), overlay);
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            Object port = map(map(c.get(probe)).get("httpGet")).get("port");
            assertEquals(8080, containerPort(c, port), overlay + " " + probe + " port " + port);
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void env_namesAreSettingsTheServiceReads(String overlay) {
        Set<String> known = ConfigNames.environmentNames();
        for (Map<String, Object> env : render(overlay).env()) {
            String name = (String) env.get("name");
            assertTrue(known.contains(name) || READ_BY_LIBRARIES.contains(name),
                    () -> overlay + ": " + name + " is not a setting the service reads; known: " + known);
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void env_secretsComeFromSecrets(String overlay) {
        Rendered r = render(overlay);
        for (Map<String, Object> env : r.env()) {
            String name = (String) env.get("name");
            Object value = env.get("value");
            if (SECRET_NAME.matcher(name).find() && !READ_BY_LIBRARIES.contains(name)) {
                assertTrue(value == null && map(map(env.get("valueFrom")).get("secretKeyRef")).containsKey("name"),
                        () -> overlay + ": " + name + " must come from a secretKeyRef: " + env);
            }
            if (value != null) {
                assertFalse(SECRET_VALUE.matcher(value.toString()).find(), () -> overlay + ": literal secret in " + name);
            }
        }
        assertTrue(r.ofKind("Secret").isEmpty(), overlay + ": Secrets are created by the operator, not committed");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void pod_runsAsNonRootOnAReadOnlyRootFilesystem(String overlay) {
        Rendered r = render(overlay);
        Map<String, Object> podSecurity = map(r.podSpec().get("securityContext"));
        assertEquals(Boolean.TRUE, podSecurity.get("runAsNonRoot"), overlay);
        assertNotEquals(0, podSecurity.get("runAsUser"), overlay);
        Map<String, Object> security = map(r.container().get("securityContext"));
        assertEquals(Boolean.TRUE, security.get("readOnlyRootFilesystem"), overlay);
        assertEquals(Boolean.FALSE, security.get("allowPrivilegeEscalation"), overlay);
        assertEquals(List.of("ALL"), map(security.get("capabilities")).get("drop"), overlay);
        assertEquals("emptyDir", r.volumeSourceAt("/tmp").orElse(null), overlay + ": /tmp must be writable");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void volumes_everyMountHasAVolumeAndEveryClaimExists(String overlay) {
        Rendered r = render(overlay);
        Set<String> volumes = r.volumes().stream().map(v -> (String) v.get("name")).collect(Collectors.toSet());
        for (Object m : list(r.container().get("volumeMounts"))) {
            assertTrue(volumes.contains(map(m).get("name")), () -> overlay + ": no volume for " + m);
        }
        Set<String> claims = r.ofKind("PersistentVolumeClaim").stream().map(Kustomize::name).collect(Collectors.toSet());
        for (Map<String, Object> v : r.volumes()) {
            Object claim = map(v.get("persistentVolumeClaim")).get("claimName");
            if (claim != null) {
                assertTrue(claims.contains(claim), () -> overlay + ": no PersistentVolumeClaim " + claim);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void database_h2IsOneReplicaOnAVolume_postgresqlIsSeveralWithABudget(String overlay) {
        Rendered r = render(overlay);
        int replicas = (Integer) r.deployment().getOrDefault("replicas", 1);
        if (r.envValue("QUARKUS_DATASOURCE_DB_KIND").filter("postgresql"::equals).isPresent()) {
            assertTrue(replicas >= 2, overlay + ": PostgreSQL variants run several replicas");
            assertTrue(r.envNames().containsAll(List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                    "QUARKUS_DATASOURCE_PASSWORD")), overlay);
            assertEquals(1, r.ofKind("PodDisruptionBudget").size(), overlay);
            assertEquals(Optional.empty(), r.volumeSourceAt("/deployments/data"), overlay);
        } else {
            assertEquals(1, replicas, overlay + ": the H2 file is opened by one process");
            assertEquals("Recreate", map(r.deployment().get("strategy")).get("type"),
                    overlay + ": a surge pod could not open the H2 file the old one holds");
            assertEquals("persistentVolumeClaim", r.volumeSourceAt("/deployments/data").orElse(null),
                    overlay + ": the H2 file must outlive the pod");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void slack_httpVariantsPublishOnlySlackEvents_socketModeHasNoIngress(String overlay) {
        Rendered r = render(overlay);
        List<Map<String, Object>> ingresses = r.ofKind("Ingress");
        Set<String> env = r.envNames();
        if (env.contains("SLACK_APP_TOKEN")) {
            assertTrue(ingresses.isEmpty(), overlay + ": Socket Mode needs no public URL");
            assertFalse(env.contains("SLACK_SIGNING_SECRET"), overlay + ": Socket Mode requests are not signed");
        } else {
            assertTrue(env.contains("SLACK_SIGNING_SECRET"), overlay + ": HTTP requests are verified");
            assertEquals(1, ingresses.size(), overlay);
            List<String> paths = new ArrayList<>();
            for (Object rule : list(map(ingresses.get(0).get("spec")).get("rules"))) {
                for (Object p : list(map(map(rule).get("http")).get("paths"))) {
                    paths.add((String) map(p).get("path"));
                    Map<String, Object> service = map(map(map(p).get("backend")).get("service"));
                    assertEquals("aks-doctor", service.get("name"), overlay);
                    assertEquals(servicePortName(r), map(service.get("port")).get("name"), overlay);
                }
            }
            assertEquals(List.of("/slack/events"), paths, overlay + ": /q and /api stay inside the cluster");
        }
        assertTrue(env.contains("SLACK_BOT_TOKEN"), overlay);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void service_selectsThePodsAndTargetsTheHttpPort(String overlay) {
        Rendered r = render(overlay);
        Map<String, Object> spec = map(r.single("Service").get("spec"));
        Map<String, Object> podLabels = map(map(map(map(r.deployment().get("template"))).get("metadata")).get("labels"));
        assertTrue(podLabels.entrySet().containsAll(map(spec.get("selector")).entrySet()), overlay);
        assertEquals(map(map(r.deployment().get("selector")).get("matchLabels")),
                map(spec.get("selector")), overlay);
        Object target = map(list(spec.get("ports")).get(0)).get("targetPort");
        assertEquals(8080, containerPort(r.container(), target), overlay);
    }

    private static String servicePortName(Rendered r) {
        return (String) map(list(map(r.single("Service").get("spec")).get("ports")).get(0)).get("name");
    }

    private static String probePath(Map<String, Object> container, String probe) {
        return (String) map(map(container.get(probe)).get("httpGet")).get("path");
    }

    private static int containerPort(Map<String, Object> container, Object port) {
        if (port instanceof Integer) {
            return (Integer) port;
        }
        return list(container.get("ports")).stream().map(Kustomize::map)
                .filter(p -> port.equals(p.get("name")))
                .map(p -> (Integer) p.get("containerPort"))
                .findFirst().orElseThrow(() -> new AssertionError("no container port named " + port));
    }

    record Rendered(String overlay, List<Map<String, Object>> docs) {

        List<Map<String, Object>> ofKind(String kind) {
            return docs.stream().filter(d -> kind.equals(d.get("kind"))).collect(Collectors.toList());
        }

        Map<String, Object> single(String kind) {
            List<Map<String, Object>> all = ofKind(kind);
            assertEquals(1, all.size(), overlay + ": one " + kind);
            return all.get(0);
        }

        Map<String, Object> deployment() {
            return map(single("Deployment").get("spec"));
        }

        Map<String, Object> podSpec() {
            return map(map(deployment().get("template")).get("spec"));
        }

        Map<String, Object> container() {
            List<Object> containers = list(podSpec().get("containers"));
            assertEquals(1, containers.size(), overlay);
            return map(containers.get(0));
        }

        List<Map<String, Object>> env() {
            return list(container().get("env")).stream().map(Kustomize::map).collect(Collectors.toList());
        }

        Set<String> envNames() {
            return env().stream().map(e -> (String) e.get("name")).collect(Collectors.toCollection(TreeSet::new));
        }

        Optional<String> envValue(String name) {
            return env().stream().filter(e -> name.equals(e.get("name"))).map(e -> (String) e.get("value"))
                    .filter(v -> v != null).findFirst();
        }

        List<Map<String, Object>> volumes() {
            return list(podSpec().get("volumes")).stream().map(Kustomize::map).collect(Collectors.toList());
        }

        /** The kind of volume mounted at a path (emptyDir, persistentVolumeClaim …), if any. */
        Optional<String> volumeSourceAt(String mountPath) {
            return list(container().get("volumeMounts")).stream().map(Kustomize::map)
                    .filter(m -> mountPath.equals(m.get("mountPath")))
                    .map(m -> m.get("name"))
                    .flatMap(n -> volumes().stream().filter(v -> n.equals(v.get("name"))))
                    .map(v -> v.keySet().stream().filter(k -> !k.equals("name")).findFirst().orElse(""))
                    .findFirst();
        }
    }
}
