package dev.vexilla.engine.configcat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.User;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every cell of ConfigCat's 12 test matrices, evaluated against the stored configs for the V1 and V2 SDK keys, as
 * ConfigCat's Java SDK test {@code RolloutIntegrationTests} does.
 */
final class MatrixConformanceTest {

    private static final String V1 = "PKDVCLf-Hq-h-kCzMp-L7Q/";
    private static final String V2 = "configcat-sdk-1/PKDVCLf-Hq-h-kCzMp-L7Q/";
    private static final String V2B = "configcat-sdk-1/JcPbCGl_1E-K9M-fJOyKyQ/";

    static Stream<Arguments> matrices() {
        return Stream.of(
                Arguments.of("testmatrix.csv", V1 + "psuH7BGHoUmdONrzzUOY7A"),
                Arguments.of("testmatrix.csv", V2 + "AG6C1ngVb0CvM07un6JisQ"),
                Arguments.of("testmatrix_semantic.csv", V1 + "BAr3KgLTP0ObzKnBTo5nhA"),
                Arguments.of("testmatrix_semantic.csv", V2 + "iV8vH2MBakKxkFZylxHmTg"),
                Arguments.of("testmatrix_number.csv", V1 + "uGyK3q9_ckmdxRyI7vjwCw"),
                Arguments.of("testmatrix_number.csv", V2 + "FCWN-k1dV0iBf8QZrDgjdw"),
                Arguments.of("testmatrix_semantic_2.csv", V1 + "q6jMCFIp-EmuAfnmZhPY7w"),
                Arguments.of("testmatrix_semantic_2.csv", V2 + "U8nt3zEhDEO5S2ulubCopA"),
                Arguments.of("testmatrix_sensitive.csv", V1 + "qX3TP2dTj06ZpCCT1h_SPA"),
                Arguments.of("testmatrix_sensitive.csv", V2 + "-0YmVOUNgEGKkgRF-rU65g"),
                Arguments.of("testmatrix_variationId.csv", V1 + "nQ5qkhRAUEa6beEyyrVLBA"),
                Arguments.of("testmatrix_variationId.csv", V2 + "spQnkRTIPEWVivZkWM84lQ"),
                Arguments.of("testmatrix_segments_old.csv", V1 + "LcYz135LE0qbcacz2mgXnA"),
                Arguments.of("testmatrix_segments_old.csv", V2 + "y_ZB7o-Xb0Swxth-ZlMSeA"),
                Arguments.of("testmatrix_and_or.csv", V2B + "ByMO9yZNn02kXcm72lnY1A"),
                Arguments.of("testmatrix_comparators_v6.csv", V2B + "OfQqcTjfFUGBwMKqtyEOrQ"),
                Arguments.of("testmatrix_prerequisite_flag.csv", V2B + "JoGwdqJZQ0K2xDy7LnbyOg"),
                Arguments.of("testmatrix_segment.csv", V2B + "h99HYXWWNE2bH8eWyLAVMA"),
                Arguments.of("testmatrix_unicode.csv", V2B + "Da6w8dBbmUeMUBhh0iEeQQ"));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("matrices")
    void everyCellMatchesConfigCat(String csv, String sdkKey) {
        ConfigCatConfig config = TestData.parse(TestData.configForKey(sdkKey));
        boolean variations = csv.equals("testmatrix_variationId.csv");
        String[] lines = TestData.read("matrix/" + csv).split("\r?\n");
        String[] header = lines[0].split(";");
        List<String> mismatches = new ArrayList<>();
        int cells = 0;
        for (int row = 1; row < lines.length; row++) {
            if (lines[row].isEmpty()) {
                continue;
            }
            String[] cols = lines[row].split(";");
            User user = user(header[3], cols);
            for (int col = 4; col < header.length; col++) {
                EvaluationResult r = config.evaluate(header[col], user);
                String actual = variations ? String.valueOf(r.variationId()) : text(r.value());
                cells++;
                if (!actual.equalsIgnoreCase(cols[col])) {
                    mismatches.add(csv + " row " + (row + 1) + " column " + header[col] + ": expected " + cols[col]
                            + ", actual " + actual + " (" + r + ")");
                }
            }
        }
        System.out.println("matrix " + csv + " [" + sdkKey + "]: " + cells + " cells checked, " + mismatches.size()
                + " mismatches");
        assertThat(mismatches).isEmpty();
        assertThat(cells).isPositive();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("matrices")
    void evaluateAllAgreesWithSingleEvaluations(String csv, String sdkKey) {
        ConfigCatConfig config = TestData.parse(TestData.configForKey(sdkKey));
        String[] lines = TestData.read("matrix/" + csv).split("\r?\n");
        String customName = lines[0].split(";")[3];
        for (int row = 1; row < lines.length; row++) {
            User user = lines[row].isEmpty() ? null : user(customName, lines[row].split(";"));
            java.util.Map<String, EvaluationResult> all = new java.util.LinkedHashMap<>();
            config.evaluateAll(user, all::put);
            assertThat(all.keySet()).containsExactlyElementsOf(config.keys());
            all.forEach((key, result) -> assertThat(result).as(key).isEqualTo(config.evaluate(key, user)));
        }
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("matrices")
    @org.junit.jupiter.api.parallel.ResourceLock("dev.vexilla.evaluation logger level")
    void evaluationLogDoesNotChangeResults(String csv, String sdkKey) {
        ConfigCatConfig config = TestData.parse(TestData.configForKey(sdkKey));
        String[] lines = TestData.read("matrix/" + csv).split("\r?\n");
        String[] header = lines[0].split(";");
        java.util.List<EvaluationResult> quiet = new ArrayList<>();
        java.util.List<User> users = new ArrayList<>();
        for (int row = 1; row < lines.length; row++) {
            if (!lines[row].isEmpty()) {
                users.add(user(header[3], lines[row].split(";")));
            }
        }
        for (User user : users) {
            for (int col = 4; col < header.length; col++) {
                quiet.add(config.evaluate(header[col], user));
            }
        }
        int i = 0;
        ConfigCatConfig logged = config.withEvaluationLog(true);
        try (EvaluationLogCapture capture = new EvaluationLogCapture(ch.qos.logback.classic.Level.INFO)) {
            for (User user : users) {
                for (int col = 4; col < header.length; col++) {
                    capture.clear();
                    assertThat(logged.evaluate(header[col], user)).isEqualTo(quiet.get(i++));
                    assertThat(capture.events())
                            .filteredOn(e -> e.getLevel() == ch.qos.logback.classic.Level.INFO)
                            .hasSize(1);
                }
            }
        }
    }

    static User user(String customName, String[] cols) {
        if (cols[0].equals("##null##")) {
            return null;
        }
        User.Builder b = User.builder().identifier(cols[0]);
        if (present(cols, 1)) {
            b.email(cols[1]);
        }
        if (present(cols, 2)) {
            b.country(cols[2]);
        }
        if (present(cols, 3)) {
            b.attribute(customName, cols[3]);
        }
        return b.build();
    }

    private static boolean present(String[] cols, int i) {
        return cols.length > i && !cols[i].isEmpty() && !cols[i].equals("##null##");
    }

    private static String text(Object value) {
        if (value instanceof Double) {
            return new DecimalFormat("0.#####", DecimalFormatSymbols.getInstance(Locale.UK)).format(value);
        }
        return String.valueOf(value);
    }
}
