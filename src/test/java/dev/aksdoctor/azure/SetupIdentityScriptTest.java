package dev.aksdoctor.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * deploy/azure/setup-identity.sh agrees with the files it stands beside: it defines and assigns the roles the
 * role files name, and federates the service account deploy/k8s runs the pod as.
 */
class SetupIdentityScriptTest {

    private static final Path SCRIPT = Path.of("deploy", "azure", "setup-identity.sh");

    @Test
    void script_assignsTheRolesTheRoleFilesDefine() throws IOException {
        String script = Files.readString(SCRIPT);
        for (String file : new String[] {"aks-doctor-reader.json", "aks-doctor-operator.json"}) {
            String name = new ObjectMapper().readTree(Path.of("deploy", "azure", file).toFile()).path("Name").asText();
            assertTrue(script.contains("define_role \"$here/" + file + "\""), file + " is not defined by the script");
            assertTrue(script.contains("assign \"" + name + "\""), name + " is not assigned by the script");
        }
    }

    @Test
    void script_federatesTheServiceAccountOfDeployK8s() throws IOException {
        String script = Files.readString(SCRIPT);
        String serviceAccount = metadataName(Path.of("deploy", "k8s", "base", "serviceaccount.yaml"));
        String namespace = metadataName(Path.of("deploy", "k8s", "base", "namespace.yaml"));

        assertEquals(namespace, defaultOf(script, "NAMESPACE"));
        assertEquals(serviceAccount, defaultOf(script, "SERVICE_ACCOUNT"));
        assertTrue(script.contains("--subject \"system:serviceaccount:$NAMESPACE:$SERVICE_ACCOUNT\""));
        assertTrue(script.contains("--audiences api://AzureADTokenExchange"));
        assertTrue(Files.isExecutable(SCRIPT), SCRIPT + " must be executable");
    }

    private static String defaultOf(String script, String variable) {
        Matcher m = Pattern.compile(variable + "=\\$\\{" + variable + ":-([^}]+)}").matcher(script);
        assertTrue(m.find(), variable + " has no default in the script");
        return m.group(1);
    }

    private static String metadataName(Path yaml) throws IOException {
        Matcher m = Pattern.compile("(?m)^metadata:\\s*\\n(?:\\s+.*\\n)*?\\s+name:\\s*(\\S+)").matcher(Files.readString(yaml));
        assertTrue(m.find(), "no metadata.name in " + yaml);
        return m.group(1);
    }
}
