package dev.vexilla.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Architecture rules over every Vexilla module (this module depends on all of them): what is API and what is not,
 * and which way the modules depend on each other (STYLE.md §1).
 */
final class ArchitectureTest {

    private static final JavaClasses VEXILLA = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.vexilla");

    @Test
    void importsEveryModule() {
        assertThat(VEXILLA.stream().map(c -> c.getPackageName().split("\\.")[2]).distinct())
                .contains("model", "engine", "local", "cloud", "providers", "server", "examples");
    }

    @Test
    void publicApiDoesNotExposeInternalTypes() {
        List<String> violations = new ArrayList<>();
        for (JavaClass type : VEXILLA) {
            if (isInternal(type) || !type.getModifiers().contains(JavaModifier.PUBLIC)) {
                continue;
            }
            for (JavaCodeUnit unit : type.getCodeUnits()) {
                if (!isVisible(unit.getModifiers())) {
                    continue;
                }
                checkType(unit.getRawReturnType(), unit.getFullName() + " returns", violations);
                for (JavaClass parameter : unit.getRawParameterTypes()) {
                    checkType(parameter, unit.getFullName() + " takes", violations);
                }
            }
            for (JavaField field : type.getFields()) {
                if (isVisible(field.getModifiers())) {
                    checkType(field.getRawType(), field.getFullName() + " has type", violations);
                }
            }
        }
        assertThat(violations)
                .as("public API signatures naming .internal types")
                .isEmpty();
    }

    @Test
    void librariesDoNotDependOnTheServerOrTheExamples() {
        assertThatCode(() -> ArchRuleDefinition.noClasses()
                        .that()
                        .resideInAnyPackage(
                                "dev.vexilla.model..",
                                "dev.vexilla.engine..",
                                "dev.vexilla.local..",
                                "dev.vexilla.cloud..",
                                "dev.vexilla.providers..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage("dev.vexilla.server..", "dev.vexilla.examples..")
                        .check(VEXILLA))
                .doesNotThrowAnyException();
    }

    @Test
    void providersDoNotDependOnEachOther() {
        assertThatCode(() -> ArchRuleDefinition.noClasses()
                        .that()
                        .resideInAPackage("dev.vexilla.cloud..")
                        .should()
                        .dependOnClassesThat(DescribedPredicate.describe(
                                "are in provider-local", c -> c.getPackageName().startsWith("dev.vexilla.local")))
                        .check(VEXILLA))
                .doesNotThrowAnyException();
    }

    @Test
    void theProvidersDoNotDependOnTheModuleThatChoosesBetweenThem() {
        assertThatCode(() -> ArchRuleDefinition.noClasses()
                        .that()
                        .resideInAnyPackage(
                                "dev.vexilla.model..",
                                "dev.vexilla.engine..",
                                "dev.vexilla.local..",
                                "dev.vexilla.cloud..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAPackage("dev.vexilla.providers..")
                        .check(VEXILLA))
                .doesNotThrowAnyException();
    }

    @Test
    void engineDependsOnNoProviderAndNotOnTheOpenFeatureSdk() {
        assertThatCode(() -> ArchRuleDefinition.noClasses()
                        .that()
                        .resideInAPackage("dev.vexilla.engine..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage("dev.vexilla.local..", "dev.vexilla.cloud..", "dev.openfeature..")
                        .check(VEXILLA))
                .doesNotThrowAnyException();
    }

    @Test
    void engineKeepsItsImplementationPackagePrivate() {
        assertThatCode(() -> ArchRuleDefinition.noClasses()
                        .that()
                        .resideInAPackage("dev.vexilla.engine..")
                        .should()
                        .resideInAPackage("..internal..")
                        .check(VEXILLA))
                .doesNotThrowAnyException();
    }

    @Test
    void serverDoesNotDependOnTheLocalProvider() {
        assertThatCode(() -> ArchRuleDefinition.noClasses()
                        .that()
                        .resideInAPackage("dev.vexilla.server..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAPackage("dev.vexilla.local..")
                        .check(VEXILLA))
                .doesNotThrowAnyException();
    }

    private static boolean isInternal(JavaClass type) {
        return type.getPackageName().contains(".internal");
    }

    private static boolean isVisible(java.util.Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }

    private static void checkType(JavaClass type, String where, List<String> violations) {
        JavaClass base = type.isArray() ? type.getBaseComponentType() : type;
        if (base.getPackageName().startsWith("dev.vexilla") && isInternal(base)) {
            violations.add(where + " " + base.getName());
        }
    }
}
