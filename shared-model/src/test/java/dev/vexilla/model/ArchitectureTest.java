package dev.vexilla.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

/** Checks the module's layout rules on the compiled main classes. */
final class ArchitectureTest {

    @Test
    void publicApiNeverExposesInternalTypes() throws Exception {
        List<String> violations = new ArrayList<>();
        for (Class<?> c : mainClasses()) {
            if (c.getPackageName().contains(".internal") || !Modifier.isPublic(c.getModifiers())) {
                continue;
            }
            for (Method m : c.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers())) {
                    check(violations, c, m.getName(), m.getGenericReturnType());
                    for (Type p : m.getGenericParameterTypes()) {
                        check(violations, c, m.getName(), p);
                    }
                }
            }
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                if (Modifier.isPublic(k.getModifiers())) {
                    for (Type p : k.getGenericParameterTypes()) {
                        check(violations, c, "<init>", p);
                    }
                }
            }
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isPublic(f.getModifiers())) {
                    check(violations, c, f.getName(), f.getGenericType());
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void everyPackageIsNullMarked() throws Exception {
        List<String> unmarked = mainClasses().stream()
                .map(Class::getPackage)
                .distinct()
                .filter(p -> !p.isAnnotationPresent(NullMarked.class))
                .map(Package::getName)
                .collect(Collectors.toList());

        assertThat(unmarked).isEmpty();
    }

    @Test
    void publicClassesAreFinalOrInterfacesOrEnums() throws Exception {
        List<String> open = mainClasses().stream()
                .filter(c -> Modifier.isPublic(c.getModifiers()))
                .filter(c -> !c.isInterface() && !c.isEnum() && !Modifier.isFinal(c.getModifiers()))
                .map(Class::getName)
                .collect(Collectors.toList());

        assertThat(open).isEmpty();
    }

    private static void check(List<String> violations, Class<?> owner, String member, Type type) {
        if (type.getTypeName().contains("dev.vexilla.model.internal.")) {
            violations.add(owner.getName() + "#" + member + " exposes " + type.getTypeName());
        }
    }

    private static List<Class<?>> mainClasses() throws IOException, URISyntaxException {
        URL marker = Objects.requireNonNull(ObjectMappers.class.getResource("ObjectMappers.class"));
        Path root =
                Paths.get(marker.toURI()).getParent().getParent().getParent().getParent();
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("dev/vexilla/model"))) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String rel = root.relativize(p).toString();
                if (rel.endsWith(".class") && !rel.endsWith("package-info.class")) {
                    String name =
                            rel.substring(0, rel.length() - 6).replace('/', '.').replace('\\', '.');
                    try {
                        classes.add(Class.forName(name, false, ArchitectureTest.class.getClassLoader()));
                    } catch (ClassNotFoundException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        assertThat(classes).hasSizeGreaterThan(20);
        return classes;
    }
}
