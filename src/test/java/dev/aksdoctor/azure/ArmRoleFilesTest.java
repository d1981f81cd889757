package dev.aksdoctor.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aksdoctor.diagnosis.ClusterRef;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The role files in deploy/azure/ are exactly what the gateway's verbs declare (nothing missing, nothing extra),
 * and every verb asks ARM for an action it declares, so the README's RBAC section can never drift again.
 */
class ArmRoleFilesTest {

    /** Not ARM calls: what is known about the credential. */
    private static final Set<String> NOT_VERBS = Set.of("access", "knownAccess", "configuredCredential", "prepare");
    private static final String ID = "/subscriptions/" + ArmWorld.SUB + "/resourceGroups/rg/providers/Microsoft.X/things/x";

    @Test
    void everyVerb_declaresItsActions() {
        List<String> undeclared = verbs().stream().filter(m -> m.getAnnotation(ArmActions.class) == null)
                .map(Method::getName).toList();
        assertEquals(List.of(), undeclared, "add @ArmActions to these ArmGateway verbs");
    }

    @Test
    void readerRole_listsExactlyTheReadActions() throws IOException {
        assertEquals(declared(false), actions(role("aks-doctor-reader.json")),
                "deploy/azure/aks-doctor-reader.json must list exactly the reads' @ArmActions");
    }

    @Test
    void operatorRole_listsExactlyTheOperatorActionsBeyondTheReaderRole() throws IOException {
        Set<String> operator = declared(true);
        operator.removeAll(declared(false));
        assertEquals(operator, actions(role("aks-doctor-operator.json")),
                "deploy/azure/aks-doctor-operator.json must list exactly the operator verbs' @ArmActions not in the reader role");
    }

    @Test
    void roleFiles_areCustomRoleDefinitions() throws IOException {
        for (String file : List.of("aks-doctor-reader.json", "aks-doctor-operator.json")) {
            JsonNode role = role(file);
            assertTrue(role.path("IsCustom").asBoolean(), file);
            assertFalse(role.path("Name").asText().isBlank(), file);
            assertTrue(role.path("AssignableScopes").size() > 0, file);
            for (String empty : List.of("NotActions", "DataActions", "NotDataActions")) {
                assertEquals(0, role.path(empty).size(), file + " " + empty);
            }
            role.path("Actions").forEach(a -> assertTrue(a.asText().matches("Microsoft\\.[A-Za-z]+/[A-Za-z/]+"),
                    file + ": " + a.asText()));
        }
    }

    /** A 403 without ARM's wording names the action the gateway asked with: it must be one the verb declares. */
    @Test
    void everyVerb_asksArmForADeclaredAction() throws Exception {
        try (FakeArm arm = FakeArm.start()) {
            arm.otherwise(403, FakeArm.error("Forbidden", "denied"));
            AzureArmGateway gateway = FakeArmGateways.gateway(arm);
            List<String> wrong = new ArrayList<>();
            for (Method verb : verbs()) {
                Set<String> declared = Set.of(verb.getAnnotation(ArmActions.class).value());
                try {
                    verb.invoke(gateway, arguments(verb));
                    wrong.add(verb.getName() + ": no ARM call was refused");
                } catch (InvocationTargetException e) {
                    if (!(e.getCause() instanceof ArmException)) {
                        throw e;
                    }
                    ArmException refused = (ArmException) e.getCause();
                    String asked = refused.permission().orElse("(none)");
                    if (refused.kind() != ArmException.Kind.FORBIDDEN || !declared.contains(asked)) {
                        wrong.add(verb.getName() + ": asked for " + asked + " (" + refused.kind() + "), declares "
                                + declared);
                    }
                }
            }
            assertEquals(List.of(), wrong);
        }
    }

    private static List<Method> verbs() {
        return Arrays.stream(ArmGateway.class.getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()) && !NOT_VERBS.contains(m.getName()))
                .sorted((a, b) -> a.getName().compareTo(b.getName())).toList();
    }

    private static Set<String> declared(boolean operator) {
        return verbs().stream().map(m -> m.getAnnotation(ArmActions.class))
                .filter(a -> a != null && a.operator() == operator)
                .flatMap(a -> Arrays.stream(a.value())).collect(Collectors.toCollection(TreeSet::new));
    }

    private static JsonNode role(String file) throws IOException {
        Path path = Path.of("deploy", "azure", file);
        assertTrue(Files.exists(path), path + " is missing");
        JsonNode role = new ObjectMapper().readTree(path.toFile());
        assertNotNull(role);
        return role;
    }

    private static Set<String> actions(JsonNode role) {
        Set<String> out = new TreeSet<>();
        role.path("Actions").forEach(a -> out.add(a.asText()));
        return out;
    }

    private static Object[] arguments(Method verb) {
        return Arrays.stream(verb.getParameterTypes()).map(type -> {
            if (type == String.class) {
                return ID;
            }
            if (type == ClusterRef.class) {
                return new ClusterRef(ArmWorld.SUB, "rg", "aks");
            }
            if (type == OffsetDateTime.class) {
                return OffsetDateTime.parse("2026-01-01T00:00:00Z");
            }
            if (type == List.class) {
                return List.of("x");
            }
            if (type == boolean.class) {
                return false;
            }
            if (type == int.class) {
                return 443;
            }
            fail("no test value for " + type + " in " + verb.getName());
            return null;
        }).toArray();
    }
}
