package dev.vexilla.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The server's public surface stays small and its classes final, as STYLE.md asks. */
final class PackageStructureTest {
    private static final Set<String> PUBLIC_API = Set.of(
            "ConfigValidator",
            "ConfigValidators",
            "EdgeDbStore",
            "InvalidConfigException",
            "ServerMain",
            "ServerOptions",
            "VexillaServer");

    private static List<Class<?>> topLevel;

    @BeforeAll
    static void scan() throws Exception {
        Path classes = Path.of(VexillaServer.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .resolve("dev/vexilla/server");
        try (Stream<Path> files = Files.list(classes)) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".class") && !n.contains("$") && !n.equals("package-info.class"))
                    .map(n -> "dev.vexilla.server." + n.substring(0, n.length() - ".class".length()))
                    .toList();
            topLevel = names.stream().<Class<?>>map(PackageStructureTest::load).toList();
        }
        assertThat(topLevel).hasSizeGreaterThan(20);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void onlyTheIntendedTypesArePublic() {
        Set<String> publicTypes = new TreeSet<>();
        topLevel.stream()
                .filter(c -> Modifier.isPublic(c.getModifiers()))
                .forEach(c -> publicTypes.add(c.getSimpleName()));

        assertThat(publicTypes).containsExactlyInAnyOrderElementsOf(PUBLIC_API);
    }

    @Test
    void everyConcreteClassIsFinal() {
        assertThat(topLevel.stream()
                        .filter(c -> !c.isInterface() && !c.isRecord())
                        .filter(c -> !Modifier.isFinal(c.getModifiers()))
                        .map(Class::getSimpleName))
                .isEmpty();
    }

    @Test
    void everyPackageIsNullMarked() {
        assertThat(VexillaServer.class.getPackage().isAnnotationPresent(org.jspecify.annotations.NullMarked.class))
                .isTrue();
    }
}
