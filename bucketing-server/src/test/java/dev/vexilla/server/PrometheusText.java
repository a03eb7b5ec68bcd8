package dev.vexilla.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A strict reader of the Prometheus text exposition format (0.0.4) for tests: every line must be a {@code # HELP},
 * a {@code # TYPE} or a sample of the family declared last, so a malformed exposition fails the test that reads it.
 */
final class PrometheusText {
    /** One sample line: the sample name (a histogram's {@code _bucket}, {@code _sum}, ...), labels and value. */
    record Sample(String name, Map<String, String> labels, double value) {}

    /** One family: its name, type, help and samples in exposition order. */
    record Family(String name, String type, String help, List<Sample> samples) {
        /** The samples named {@code sampleName} whose labels include every entry of {@code labels}. */
        List<Sample> samples(String sampleName, Map<String, String> labels) {
            return samples.stream()
                    .filter(s -> s.name().equals(sampleName))
                    .filter(s -> s.labels().entrySet().containsAll(labels.entrySet()))
                    .toList();
        }

        /** The value of the one sample named {@code sampleName} with exactly {@code labels}. */
        Optional<Double> value(String sampleName, Map<String, String> labels) {
            return samples.stream()
                    .filter(s -> s.name().equals(sampleName) && s.labels().equals(labels))
                    .map(Sample::value)
                    .findFirst();
        }
    }

    private final Map<String, Family> families;

    private PrometheusText(Map<String, Family> families) {
        this.families = families;
    }

    static PrometheusText parse(String text) {
        Map<String, Family> families = new LinkedHashMap<>();
        Map<String, String> helps = new LinkedHashMap<>();
        Family current = null;
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("# HELP ")) {
                String rest = line.substring(7);
                int space = rest.indexOf(' ');
                helps.put(space < 0 ? rest : rest.substring(0, space), space < 0 ? "" : rest.substring(space + 1));
            } else if (line.startsWith("# TYPE ")) {
                String[] parts = line.substring(7).split(" ");
                if (parts.length != 2) {
                    throw new IllegalArgumentException("bad TYPE line: " + line);
                }
                current = new Family(parts[0], parts[1], helps.getOrDefault(parts[0], ""), new ArrayList<>());
                if (families.put(parts[0], current) != null) {
                    throw new IllegalArgumentException("family declared twice: " + parts[0]);
                }
            } else if (line.startsWith("#")) {
                throw new IllegalArgumentException("unexpected comment: " + line);
            } else {
                Sample sample = sample(line);
                if (current == null || !sample.name().startsWith(baseName(current))) {
                    throw new IllegalArgumentException("sample outside its family: " + line);
                }
                current.samples().add(sample);
            }
        }
        return new PrometheusText(families);
    }

    /** The family declared under {@code name} (a counter's name includes {@code _total}). */
    Family family(String name) {
        Family family = families.get(name);
        if (family == null) {
            throw new AssertionError("no family " + name + " in " + families.keySet());
        }
        return family;
    }

    Map<String, Family> families() {
        return families;
    }

    private static String baseName(Family family) {
        return family.type().equals("counter") && family.name().endsWith("_total")
                ? family.name().substring(0, family.name().length() - "_total".length())
                : family.name();
    }

    private static Sample sample(String line) {
        int brace = line.indexOf('{');
        int space = line.lastIndexOf(' ');
        if (space < 0) {
            throw new IllegalArgumentException("sample without value: " + line);
        }
        double value = Double.parseDouble(
                line.substring(space + 1).replace("+Inf", "Infinity").replace("-Inf", "-Infinity"));
        if (brace < 0 || brace > space) {
            return new Sample(line.substring(0, space), Map.of(), value);
        }
        int close = line.lastIndexOf('}', space);
        return new Sample(line.substring(0, brace), labels(line.substring(brace + 1, close)), value);
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        int i = 0;
        while (i < text.length()) {
            int eq = text.indexOf("=\"", i);
            String name = text.substring(i, eq);
            StringBuilder value = new StringBuilder();
            int j = eq + 2;
            for (; text.charAt(j) != '"'; j++) {
                char c = text.charAt(j);
                if (c == '\\') {
                    char next = text.charAt(++j);
                    value.append(next == 'n' ? '\n' : next);
                } else {
                    value.append(c);
                }
            }
            labels.put(name, value.toString());
            i = j + 1;
            if (i < text.length() && text.charAt(i) == ',') {
                i++;
            }
        }
        return labels;
    }
}
