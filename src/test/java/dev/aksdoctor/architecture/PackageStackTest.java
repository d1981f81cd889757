package dev.aksdoctor.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every package imports only the floors below it (STYLE.md, "The package stack"), and no packages form a
 * cycle. When a type is needed one floor down, move the type down; don't import upward.
 */
class PackageStackTest {

    private static final String ROOT = "dev.aksdoctor";

    /**
     * Bottom to top. A package may depend on the packages before it in this list, never on those after it. Within
     * the infrastructure and the entry points the order is the one their imports already have; it keeps them
     * free of cycles.
     */
    static final List<String> STACK = List.of(
            "network",                                                   // pure math, imports nothing of ours
            "diagnosis",                                                 // parser, catalogs, CheckId, the playbook
            "azure",                                                     // ArmGateway, session, mappers, *Facts
            "check",                                                     // checks, runner, investigator, locator
            "slack", "jobs", "access", "channel", "investigation",      // infrastructure used from above
            "reply",                                                     // every renderer and user sentence
            "action", "home", "digest", "answer", "command", "api");    // entry points

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void everyPackage_isOnTheStack() {
        List<String> unknown = classes.stream()
                .map(c -> c.getPackageName())
                .filter(p -> p.startsWith(ROOT + "."))
                .map(PackageStackTest::floorOf)
                .filter(f -> !STACK.contains(f))
                .distinct().toList();
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), unknown,
                "every package needs a floor in PackageStackTest.STACK");
    }

    @Test
    void imports_pointDownTheStackOnly() {
        for (int i = 0; i < STACK.size(); i++) {
            String[] above = STACK.subList(i + 1, STACK.size()).stream().map(p -> ROOT + "." + p + "..")
                    .toArray(String[]::new);
            if (above.length == 0) {
                continue;
            }
            noClasses().that().resideInAPackage(ROOT + "." + STACK.get(i) + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(above)
                    .because(STACK.get(i) + "/ sits below " + Arrays.toString(above))
                    .check(classes);
        }
    }

    @Test
    void packages_formNoCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    private static String floorOf(String packageName) {
        String rest = packageName.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
