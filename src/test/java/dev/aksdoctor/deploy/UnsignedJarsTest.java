package dev.aksdoctor.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * No jar of the application keeps its signature: a signed jar makes the JVM verify every class it reads from it and
 * keeps its classes out of the AppCDS archive (application.properties, quarkus.class-loading.removed-resources,
 * strips them when the app is packaged and hides them here). A new signed dependency fails this test.
 */
@QuarkusTest
class UnsignedJarsTest {

    @Test
    void noJarOnTheApplicationClassPath_showsASignature() throws IOException {
        ClassLoader app = Thread.currentThread().getContextClassLoader();
        List<String> jars = new ArrayList<>();
        List<String> signed = new ArrayList<>();
        for (URL manifest : Collections.list(app.getResources(JarFile.MANIFEST_NAME))) {
            if (!"jar".equals(manifest.getProtocol())) {
                continue;
            }
            JarURLConnection connection = (JarURLConnection) manifest.openConnection();
            connection.setUseCaches(false); // a jar file of our own to close, not the class loader's
            try (JarFile jar = connection.getJarFile()) {
                jars.add(jar.getName());
                for (JarEntry entry : Collections.list(jar.entries())) {
                    if (isSignatureFile(entry.getName()) && visibleIn(app, entry.getName(), jar.getName())) {
                        signed.add(jar.getName() + "!/" + entry.getName());
                    }
                }
            }
        }
        assertTrue(jars.stream().anyMatch(j -> j.contains("azure-resourcemanager-network")),
                "the Azure SDK jars are on the class path: " + jars.size() + " jars");
        assertEquals(List.of(), signed);
    }

    /** Whether the class loader serves {@code resource} from {@code jarPath}, rather than hiding it. */
    private static boolean visibleIn(ClassLoader loader, String resource, String jarPath) throws IOException {
        String jarUri = new File(jarPath).toURI().getPath();
        return Collections.list(loader.getResources(resource)).stream().anyMatch(u -> u.getPath().contains(jarUri));
    }

    /** The signature block and signature files jarsigner writes: META-INF/NAME.SF and NAME.RSA/.DSA/.EC. */
    private static boolean isSignatureFile(String name) {
        return name.startsWith("META-INF/") && name.indexOf('/', "META-INF/".length()) < 0
                && name.matches("(?i).*\\.(SF|RSA|DSA|EC)");
    }
}
