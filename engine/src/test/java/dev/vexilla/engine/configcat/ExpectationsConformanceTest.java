package dev.vexilla.engine.configcat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vexilla.model.ErrorKind;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.User;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The expectations ConfigCat keeps in its Java test code (transcribed to {@code expectations/*.csv}): attribute
 * conversion, trimming, rule/percentage-option reporting, prerequisites with overrides and circular dependencies.
 */
final class ExpectationsConformanceTest {

    private static final String PREREQUISITE_REMOTE = "configcat-sdk-1/JcPbCGl_1E-K9M-fJOyKyQ/JoGwdqJZQ0K2xDy7LnbyOg";
    private static final String SEGMENT_REMOTE = "configcat-sdk-1/JcPbCGl_1E-K9M-fJOyKyQ/h99HYXWWNE2bH8eWyLAVMA";

    private static List<String[]> rows(String file) {
        List<String[]> rows = new ArrayList<>();
        String[] lines = TestData.read("expectations/" + file).split("\r?\n");
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].startsWith("# ")
                    && !lines[i].startsWith("key;")
                    && !lines[i].startsWith("file;")
                    && !lines[i].startsWith("test;")
                    && !lines[i].startsWith("identifier;")
                    && !lines[i].isEmpty()) {
                rows.add(lines[i].split(";", -1));
            }
        }
        return rows;
    }

    @Test
    void attributeConversionMatchesConfigCat() throws IOException {
        ConfigCatConfig config = TestData.parse(TestData.read("local-overrides/comparison_attribute_conversion.json"));
        List<String[]> rows = rows("attribute_conversion.csv");
        List<String> failures = new ArrayList<>();
        for (String[] row : rows) {
            Object value = javaValue(row[1], row[2]);
            User user = User.builder()
                    .identifier("12345")
                    .attribute("Custom1", value)
                    .build();
            Object actual = config.evaluate(row[0], user).value();
            if (!row[3].equals(actual)) {
                failures.add(row[0] + " " + row[1] + " " + row[2] + ": expected " + row[3] + ", actual " + actual);
            }
        }
        System.out.println("attribute conversion: " + rows.size() + " rows checked");
        assertThat(failures).isEmpty();
        assertThat(rows).hasSize(23);
    }

    private static Object javaValue(String type, String literal) throws IOException {
        switch (type) {
            case "double":
                return Double.parseDouble(literal);
            case "float":
                return Float.parseFloat(literal);
            case "byte":
                return Byte.parseByte(literal);
            case "short":
                return Short.parseShort(literal);
            case "int":
                return Integer.parseInt(literal);
            case "long":
                return Long.parseLong(literal.replace("L", ""));
            case "Date":
                return Date.from(Instant.parse(literal.substring("date:".length())));
            case "Instant":
                return Instant.parse(literal.substring("instant:".length()));
            default:
                if (literal.startsWith("specialCharacter:")) {
                    return List.of(TestData.read("local-overrides/specialCharacters.txt")
                            .split("\r?\n")[0]);
                }
                String json = literal.replace(" (Java escapes)", "");
                return Arrays.asList(new ObjectMapper().readValue(json, String[].class));
        }
    }

    @Test
    void onlySemverAndNumberValuesAreTrimmed() {
        User plain = User.builder()
                .identifier("12345")
                .country("[\"USA\"]")
                .attribute("Version", "1.0.0")
                .attribute("Number", "3")
                .attribute("Date", "1705253400")
                .build();
        User padded = User.builder()
                .identifier(" 12345 ")
                .country("[\" USA \"]")
                .attribute("Version", " 1.0.0 ")
                .attribute("Number", " 3 ")
                .attribute("Date", " 1705253400 ")
                .build();
        Map<String, String[]> files = Map.of(
                "trim_comparator_values.json",
                new String[] {
                    "local-overrides/trim_comparator_values.json", "js-unified-extra/comparison_value_trimming.json"
                },
                "trim_user_values.json",
                new String[] {
                    "local-overrides/trim_user_values.json", "js-unified-extra/comparison_attribute_trimming.json"
                });
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (String[] row : rows("trim.csv")) {
            boolean comparatorFile = row[0].equals("trim_comparator_values.json");
            for (String path : files.get(row[0])) {
                ConfigCatConfig config = TestData.parse(TestData.read(path));
                Object actual =
                        config.evaluate(row[1], comparatorFile ? plain : padded).value();
                checked++;
                if (!row[2].equals(actual)) {
                    failures.add(path + " " + row[1] + ": expected " + row[2] + ", actual " + actual);
                }
            }
        }
        System.out.println("trim: " + checked + " evaluations checked");
        assertThat(failures).isEmpty();
    }

    @Test
    void matchedRuleAndPercentageOptionAreReported() {
        ConfigCatConfig config =
                TestData.parse(TestData.read("configs/kotlin/ConfigV2EvaluationTest.ruleOrOptionRemoteJson.json"));
        List<String[]> rows = rows("rule_and_percentage_option.csv");
        for (String[] row : rows) {
            User user = null;
            if (!row[0].equals("##null##")) {
                User.Builder b = User.builder().identifier(row[0]);
                if (!row[1].equals("##null##")) {
                    b.email(row[1]);
                }
                if (!row[2].equals("##null##")) {
                    b.attribute("PercentageBase", row[2]);
                }
                user = b.build();
            }
            EvaluationResult r = config.evaluate("stringMatchedTargetingRuleAndOrPercentageOption", user);
            assertThat(r.value()).as(String.join(";", row)).isEqualTo(row[3]);
            assertThat(r.ruleIndex() != EvaluationResult.NONE)
                    .as("rule " + String.join(";", row))
                    .isEqualTo(Boolean.parseBoolean(row[4]));
            assertThat(r.optionIndex() != EvaluationResult.NONE)
                    .as("option " + String.join(";", row))
                    .isEqualTo(Boolean.parseBoolean(row[5]));
        }
        System.out.println("rule and percentage option: " + rows.size() + " rows checked");
        assertThat(rows).hasSize(9);
    }

    @Test
    void prerequisitesWithOverridesAndCyclesMatchConfigCat() {
        ConfigCatConfig prerequisiteRemote = TestData.parse(TestData.configForKey(PREREQUISITE_REMOTE));
        ConfigCatConfig segmentRemote = TestData.parse(TestData.configForKey(SEGMENT_REMOTE));
        List<String[]> rows = rows("prerequisite_and_overrides.csv");
        for (String[] row : rows) {
            String what = String.join(";", row);
            switch (row[0]) {
                case "circular":
                    ConfigCatConfig circular =
                            TestData.parse(TestData.read("local-overrides/test_circulardependency.json"));
                    EvaluationResult c = circular.evaluate(row[1], null);
                    assertThat(c.errorKind()).as(what).isEqualTo(ErrorKind.PARSE_ERROR);
                    assertThat(c.errorMessage())
                            .as(what)
                            .isEqualTo("Circular dependency detected between the following depending flags: " + row[5]
                                    + ".");
                    break;
                case "typeMismatch":
                    ConfigCatConfig local = ConfigCatConfig.fromValues(Map.of(row[2], typed(row[3])));
                    EvaluationResult t = prerequisiteRemote
                            .overlay(local, OverrideBehaviour.LOCAL_OVER_REMOTE)
                            .evaluate(row[1], null);
                    expect(t, row[5], what);
                    if (row[5].equals("##null##")) {
                        assertThat(t.errorMessage()).as(what).startsWith("Type mismatch between comparison value '");
                    }
                    break;
                default:
                    boolean segments = row[0].equals("segmentOverride");
                    ConfigCatConfig remote = segments ? segmentRemote : prerequisiteRemote;
                    String file = segments ? "test_override_segments_v6.json" : "test_override_flagdependency_v6.json";
                    ConfigCatConfig config = row[4].equals("##null##")
                            ? remote
                            : remote.overlay(
                                    TestData.parse(TestData.read("local-overrides/" + file)),
                                    OverrideBehaviour.valueOf(row[4]));
                    User user = User.builder().identifier(row[2]).email(row[3]).build();
                    expect(config.evaluate(row[1], user), row[5], what);
            }
        }
        System.out.println("prerequisites and overrides: " + rows.size() + " rows checked");
        assertThat(rows).hasSize(47);
    }

    private static void expect(EvaluationResult r, String expected, String what) {
        if (expected.equals("##null##")) {
            assertThat(r.isError()).as(what + " -> " + r).isTrue();
        } else {
            assertThat(String.valueOf(r.value())).as(what).isEqualToIgnoringCase(expected);
        }
    }

    private static Object typed(String literal) {
        String[] parts = literal.split(" ", 2);
        switch (parts[0]) {
            case "Boolean":
                return Boolean.parseBoolean(parts[1]);
            case "String":
                return parts[1].substring(1, parts[1].length() - 1);
            case "Integer":
                return Integer.parseInt(parts[1]);
            default:
                return Double.parseDouble(parts[1]);
        }
    }
}
