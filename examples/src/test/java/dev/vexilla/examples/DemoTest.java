package dev.vexilla.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
final class DemoTest {
    private static int status;
    private static String out = "";
    private static String err = "";

    @BeforeAll
    static void runDemoOnce() {
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        try (PrintStream outStream = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
                PrintStream errStream = new PrintStream(errBytes, true, StandardCharsets.UTF_8)) {
            status = Demo.run(outStream, errStream);
        }
        out = outBytes.toString(StandardCharsets.UTF_8);
        err = errBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void exitsWithStatusZeroAndReportsNoFailure() {
        assertThat(status).as("status; stderr: %s", err).isZero();
        assertThat(err).isEmpty();
        assertThat(out).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void announcesTheServerAndTheRegisteredProvider() {
        assertThat(out).containsPattern("Vexilla server on http://127\\.0\\.0\\.1:\\d+/, serving demo\\.json");
        assertThat(out).contains("Registered Vexilla Local on domain 'local'");
        assertThat(out).contains("Registered Vexilla Cloud on domain 'cloud'");
    }

    @Test
    void tableHasOneRowPerUserAndFlagWithTheLocalColumns() {
        List<List<String>> rows = rowsOf(firstTable());
        assertThat(rows.get(0))
                .containsExactly(
                        "user", "flag", "local value", "variant", "reason", "cloud value", "variant", "reason");
        assertThat(rows.subList(1, rows.size()))
                .hasSize(DemoUser.all().size() * DemoFlag.all().size());
    }

    @Test
    void cloudColumnsMatchTheLocalColumnsForEveryUserTheAnonymousOneIncluded() {
        List<List<String>> rows = rowsOf(firstTable());
        assertThat(rows.subList(1, rows.size()))
                .hasSize(24)
                .allSatisfy(row -> assertThat(row.subList(5, 8)).isEqualTo(row.subList(2, 5)));
        assertThat(rows)
                .filteredOn(row -> row.get(0).equals("anonymous"))
                .hasSize(6)
                .allSatisfy(row -> assertThat(row.get(7)).isIn("DEFAULT", "STATIC"));
    }

    @Test
    void tableShowsTargetingRulesSegmentsAndPrerequisitesAtWork() {
        List<List<String>> rows =
                rowsOf(firstTable()).stream().map(row -> row.subList(0, 5)).collect(Collectors.toList());
        assertThat(rows)
                .contains(
                        List.of("pro user", "supportTier", "priority", "5e7c1e01", "TARGETING_MATCH"),
                        List.of("free user", "supportTier", "standard", "5e7c1e00", "DEFAULT"),
                        List.of("pro user", "upgradeBanner", "try-beta-features", "b4a77e02", "TARGETING_MATCH"),
                        List.of("beta, old app", "upgradeBanner", "upgrade-required", "b4a77e01", "TARGETING_MATCH"),
                        List.of("beta, old app", "searchSuggestions", "true", "5ea5c401", "TARGETING_MATCH"),
                        List.of("beta, old app", "maxUploadMb", "100", "a9100ad1", "TARGETING_MATCH"),
                        List.of("anonymous", "newDashboard", "false", "d45b0a00", "DEFAULT"),
                        List.of("anonymous", "checkoutEnabled", "true", "c0ffee01", "STATIC"));
    }

    @Test
    void percentageRolloutGivesKnownUsersASplitReason() {
        List<List<String>> rows = rowsOf(firstTable());
        assertThat(rows)
                .filteredOn(
                        row -> row.get(1).equals("newDashboard") && !row.get(0).equals("anonymous"))
                .hasSize(3)
                .allSatisfy(row -> assertThat(row.get(4)).isEqualTo("SPLIT"));
    }

    @Test
    void announcesTheChangeArrivingOverTheStream() {
        assertThat(out).contains("Changed demo.json: checkoutEnabled is now false");
        assertThat(out).contains("[local] PROVIDER_CONFIGURATION_CHANGED, flags changed: [checkoutEnabled]");
        assertThat(out).contains("[cloud] PROVIDER_CONFIGURATION_CHANGED, flags changed: [checkoutEnabled]");
        assertThat(out.indexOf("[cloud] PROVIDER_CONFIGURATION_CHANGED"))
                .as("the cloud provider's announcement follows the change")
                .isGreaterThan(out.indexOf("Changed demo.json"));
    }

    @Test
    void reEvaluationAfterTheChangeShowsTheKillSwitchOffForEveryUser() {
        String after = out.substring(out.indexOf("[cloud] PROVIDER_CONFIGURATION_CHANGED"));
        List<List<String>> rows = rowsOf(after.substring(after.indexOf("user ")));
        assertThat(rows.subList(1, rows.size()))
                .extracting(row -> row.get(0))
                .containsExactly("free user", "pro user", "beta, old app", "anonymous");
        assertThat(rows.subList(1, 5))
                .allSatisfy(row -> assertThat(row.subList(1, 8))
                        .containsExactly(
                                "checkoutEnabled", "false", "c0ffee00", "STATIC", "false", "c0ffee00", "STATIC"));
    }

    @Test
    void registersTheDevCycleConfigsProvidersToo() {
        assertThat(out).contains("and demo-devcycle.json (DevCycle config v2)");
        assertThat(out).contains("Registered Vexilla Local on domain 'devcycle-local'");
        assertThat(out).contains("Registered Vexilla Cloud on domain 'devcycle-cloud'");
    }

    @Test
    void devCycleTableHasOneRowPerUserAndVariable_cloudColumnsMatchLocalOnes() {
        List<List<String>> rows = rowsOf(devCycleTable());
        assertThat(rows.get(0))
                .containsExactly(
                        "user",
                        "flag",
                        "devcycle-local value",
                        "variant",
                        "reason",
                        "devcycle-cloud value",
                        "variant",
                        "reason");
        assertThat(rows.subList(1, rows.size()))
                .hasSize(DemoUser.all().size() * DemoFlag.devCycle().size())
                .allSatisfy(row -> assertThat(row.subList(5, 8)).isEqualTo(row.subList(2, 5)));
    }

    @Test
    void devCycleTableShowsTargetsRolloutsAndJsonVariablesAtWork() {
        List<List<String>> rows =
                rowsOf(devCycleTable()).stream().map(row -> row.subList(0, 5)).collect(Collectors.toList());
        assertThat(rows)
                .contains(
                        List.of("free user", "payments-enabled", "true", "open", "TARGETING_MATCH"),
                        List.of("beta, old app", "search-engine", "semantic", "semantic", "TARGETING_MATCH"),
                        List.of("beta, old app", "results-per-page", "25.0", "semantic", "TARGETING_MATCH"),
                        List.of(
                                "pro user",
                                "storefront-theme",
                                "{accent: teal, compact: true}",
                                "partner",
                                "TARGETING_MATCH"),
                        List.of(
                                "free user",
                                "storefront-theme",
                                "{accent: slate, badges: [new], compact: false}",
                                "standard",
                                "TARGETING_MATCH"),
                        List.of("anonymous", "payments-enabled", "false (TARGETING_KEY_MISSING)", "-", "ERROR"));
        assertThat(rows)
                .filteredOn(row -> row.get(1).equals("search-engine")
                        && List.of("free user", "pro user").contains(row.get(0)))
                .hasSize(2)
                .allSatisfy(row -> assertThat(row.get(4)).isEqualTo("SPLIT"));
    }

    @Test
    void theDevCycleChangeReachesBothProvidersOverTheStream() {
        assertThat(out).contains("Changed demo-devcycle.json: payments-enabled is now false");
        assertThat(out).contains("[devcycle-local] PROVIDER_CONFIGURATION_CHANGED, flags changed: [payments-enabled]");
        assertThat(out).contains("[devcycle-cloud] PROVIDER_CONFIGURATION_CHANGED");
        assertThat(out.indexOf("[devcycle-local] PROVIDER_CONFIGURATION_CHANGED"))
                .isGreaterThan(out.indexOf("Changed demo-devcycle.json"));
        String after = out.substring(out.indexOf("[devcycle-cloud] PROVIDER_CONFIGURATION_CHANGED"));
        int v6Table = after.indexOf("\nuser ");
        List<List<String>> rows = rowsOf(after.substring(after.indexOf("\nuser ", v6Table + 1) + 1));
        assertThat(rows.get(0)).contains("devcycle-local value");
        assertThat(rows.subList(1, 4))
                .allSatisfy(row -> assertThat(row.subList(1, 8))
                        .containsExactly(
                                "payments-enabled",
                                "false",
                                "open",
                                "TARGETING_MATCH",
                                "false",
                                "open",
                                "TARGETING_MATCH"));
    }

    private static String devCycleTable() {
        int start = out.indexOf("user ", out.indexOf("DevCycle config v2 (demo-devcycle.json):"));
        return out.substring(start, out.indexOf("\n\n", start));
    }

    private static String firstTable() {
        int start = out.indexOf("user ");
        return out.substring(start, out.indexOf("\n\n", start));
    }

    /** Splits table text into cells, skipping the rule line and stopping at the first blank line. */
    private static List<List<String>> rowsOf(String table) {
        String body = table.contains("\n\n") ? table.substring(0, table.indexOf("\n\n")) : table;
        return body.lines()
                .filter(line -> !line.startsWith("---") && !line.isBlank())
                .map(line -> Arrays.stream(line.split("\\|")).map(String::strip).collect(Collectors.toList()))
                .collect(Collectors.toList());
    }
}
