package dev.aksdoctor.deploy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The probe paths in deploy/k8s, asked of the running service: a moved endpoint fails here, not in a rollout. */
@QuarkusTest
class ManifestProbesTest {

    @Test
    void everyProbePathInTheManifests_answers200() {
        Set<String> paths = new TreeSet<>();
        for (String overlay : KubernetesManifestsTest.overlays()) {
            Map<String, Object> container = KubernetesManifestsTest.render(overlay).container();
            for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                paths.add((String) Kustomize.map(Kustomize.map(container.get(probe)).get("httpGet")).get("path"));
            }
        }
        assertEquals(Set.of("/q/health/live", "/q/health/ready", "/q/health/started"), paths);
        for (String path : paths) {
            given().get(path).then().statusCode(200);
        }
    }
}
