package dev.aksdoctor.check;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.InvocationTargetException;
import java.util.Comparator;
import java.util.List;

/**
 * Every check, as CDI's {@code @All List<Check>} collects them, for tests without Quarkus: every concrete
 * {@link Check} in the compiled main classes, so a new check is in every test the moment it exists.
 */
final class AllChecks {

    private static final List<Check> ALL = discover();

    private AllChecks() {
    }

    static List<Check> all() {
        return ALL;
    }

    private static List<Check> discover() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.aksdoctor.check")
                .stream()
                .filter(c -> c.isAssignableTo(Check.class) && !c.isInterface()
                        && !c.getModifiers().contains(JavaModifier.ABSTRACT))
                .sorted(Comparator.comparing(JavaClass::getName))
                .map(AllChecks::instantiate)
                .toList();
    }

    private static Check instantiate(JavaClass javaClass) {
        try {
            var constructor = javaClass.reflect().getDeclaredConstructor();
            constructor.setAccessible(true);
            return (Check) constructor.newInstance();
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(javaClass.getName() + " needs a no-argument constructor: checks are pure "
                    + "functions over the facts they are given", e);
        }
    }
}
