package dev.vexilla.contract.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What {@code mvn -Prelease deploy} publishes (docs/guide/publishing.md): the metadata Maven Central requires, the
 * modules that are not deployed, and the manifests and licence files of the jars this build packaged.
 */
final class PublishingIT {
    /** The deployed modules: folder, artifactId and Automatic-Module-Name. */
    private static final Map<String, List<String>> DEPLOYED = Map.of(
            "shared-model", List.of("vexilla-shared-model", "dev.vexilla.model"),
            "engine", List.of("vexilla-engine", "dev.vexilla.engine"),
            "provider-local", List.of("vexilla-provider-local", "dev.vexilla.local"),
            "provider-cloud", List.of("vexilla-provider-cloud", "dev.vexilla.cloud"),
            "providers", List.of("vexilla-providers", "dev.vexilla.providers"),
            "bucketing-server", List.of("vexilla-server", "dev.vexilla.server"));

    private static final List<String> NOT_DEPLOYED = List.of("benchmarks", "examples", "contract-tests");

    private static final Path ROOT = Path.of(System.getProperty("vexilla.root", ".."));
    private static final String VERSION = System.getProperty("vexilla.version", "");

    static List<String> deployedModules() {
        return new ArrayList<>(new java.util.TreeSet<>(DEPLOYED.keySet()));
    }

    @Test
    void parentPom_carriesTheMetadataMavenCentralRequires() throws Exception {
        Element root = pom(ROOT.resolve("pom.xml"));

        assertThat(text(root, "url")).startsWith("https://");
        assertThat(text(root, "description")).isNotBlank();
        assertThat(child(root, "licenses").getElementsByTagName("license").getLength())
                .isEqualTo(1);
        assertThat(text(child(child(root, "licenses"), "license"), "name")).isEqualTo("Apache-2.0");
        assertThat(child(root, "developers").getElementsByTagName("developer").getLength())
                .isPositive();
        Element scm = child(root, "scm");
        assertThat(text(scm, "connection")).startsWith("scm:git:");
        assertThat(text(scm, "developerConnection")).startsWith("scm:git:");
        assertThat(text(scm, "url")).startsWith("https://");
        assertThat(text(child(root, "distributionManagement"), "repository")).isNotBlank();
    }

    @ParameterizedTest
    @MethodSource("deployedModules")
    void deployedModulePom_hasANameADescriptionAndAModuleNameAndIsNotSkipped(String module) throws Exception {
        Element pom = pom(ROOT.resolve(module).resolve("pom.xml"));

        assertThat(text(pom, "artifactId")).isEqualTo(DEPLOYED.get(module).get(0));
        assertThat(text(pom, "name")).isNotBlank();
        assertThat(text(pom, "description")).isNotBlank();
        Element properties = child(pom, "properties");
        assertThat(text(properties, "vexilla.moduleName"))
                .isEqualTo(DEPLOYED.get(module).get(1));
        assertThat(optionalText(properties, "maven.deploy.skip")).isNotEqualTo("true");
    }

    @Test
    void benchmarksExamplesAndContractTests_areNotDeployed() throws Exception {
        for (String module : NOT_DEPLOYED) {
            Element properties = child(pom(ROOT.resolve(module).resolve("pom.xml")), "properties");
            assertThat(optionalText(properties, "maven.deploy.skip")).as(module).isEqualTo("true");
        }
    }

    @ParameterizedTest
    @MethodSource("deployedModules")
    void builtJar_carriesItsAutomaticModuleNameVersionLicenceAndNotice(String module) throws IOException {
        String artifactId = DEPLOYED.get(module).get(0);
        Path jar = ROOT.resolve(module).resolve("target").resolve(artifactId + "-" + VERSION + ".jar");
        assertThat(jar)
                .as("run through `mvn verify` from the root, which packages every module first")
                .exists();

        try (JarFile file = new JarFile(jar.toFile())) {
            Attributes main = file.getManifest().getMainAttributes();
            assertThat(main.getValue("Automatic-Module-Name"))
                    .isEqualTo(DEPLOYED.get(module).get(1));
            assertThat(main.getValue("Implementation-Version")).isEqualTo(VERSION);
            assertThat(file.getEntry("META-INF/LICENSE")).isNotNull();
            assertThat(file.getEntry("META-INF/NOTICE.md")).isNotNull();
        }
    }

    @Test
    void shadedServerJar_keepsTheLicencesAndNoticesOfWhatItBundles() throws IOException {
        Path jar = ROOT.resolve("bucketing-server/target/vexilla-server.jar");
        assertThat(jar).exists();

        try (JarFile file = new JarFile(jar.toFile())) {
            Attributes main = file.getManifest().getMainAttributes();
            assertThat(main.getValue("Main-Class")).isEqualTo("dev.vexilla.server.ServerMain");
            assertThat(main.getValue("Automatic-Module-Name")).isEqualTo("dev.vexilla.server");
            assertThat(main.getValue("Implementation-Version")).isEqualTo(VERSION);
            String license = entryText(file, "META-INF/LICENSE");
            assertThat(license)
                    .as("the project's own licence comes first")
                    .startsWith(Files.readString(ROOT.resolve("LICENSE")).substring(0, 200));
            assertThat(entryText(file, "META-INF/NOTICE.md"))
                    .as("our notice, with the table of bundled libraries and their licences")
                    .contains(Files.readString(ROOT.resolve("NOTICE.md"))
                            .lines()
                            .findFirst()
                            .orElseThrow())
                    .contains("Libraries bundled in the runnable server jar");
            assertThat(license)
                    .as("Lettuce's MIT licence, appended after ours")
                    .contains("Permission is hereby granted");
            assertThat(entryText(file, "META-INF/LICENSE.txt"))
                    .as("SLF4J's licence")
                    .containsIgnoringCase("QOS.ch");
            assertThat(entryText(file, "META-INF/NOTICE"))
                    .as("Jackson's notice")
                    .containsIgnoringCase("jackson");
        }
    }

    private static String entryText(JarFile file, String name) throws IOException {
        ZipEntry entry = file.getEntry(name);
        assertThat(entry).as(name).isNotNull();
        return new String(file.getInputStream(entry).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Element pom(Path path) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(path.toFile());
        return document.getDocumentElement();
    }

    /** The direct child element named {@code name}; fails when absent. */
    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        throw new AssertionError("<" + parent.getTagName() + "> has no <" + name + ">");
    }

    private static String text(Element parent, String name) {
        return child(parent, name).getTextContent().strip();
    }

    private static String optionalText(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element.getTextContent().strip();
            }
        }
        return "";
    }
}
