package dev.vexilla.bench.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The flagd flag definitions equivalent to s1 to s4, in json-logic: {@code ends_with}, {@code starts_with},
 * {@code in}, comparisons, {@code sem_ver}, {@code if} chains and {@code fractional} over the targeting key.
 *
 * <p>Attributes keep their ConfigCat names ({@code Email}, {@code Country}, custom names) because the OpenFeature
 * context the benchmarks pass carries those names; ConfigCat's {@code Identifier} is flagd's {@code targetingKey}.
 */
final class FlagdConfigs {

    private FlagdConfigs() {}

    /** Builds the flagd document holding s1 to s4. */
    static ObjectNode scenarios() {
        ObjectNode root = V6Json.object();
        ObjectNode flags = root.putObject("flags");
        flags.set(Scenarios.S1_BOOL, booleanFlag(Scenarios.S1_EXPECTED ? "on" : "off", null));
        flags.set(
                Scenarios.S2_ONE_RULE,
                booleanFlag(
                        "off", ifThenElse(anyOf("ends_with", BenchUser.EMAIL, List.of("@example.com")), "on", "off")));
        ObjectNode fractional = V6Json.object();
        ArrayNode buckets = fractional.putArray("fractional");
        buckets.addArray().add("on").add(50);
        buckets.addArray().add("off").add(50);
        flags.set(Scenarios.S3_ROLLOUT, booleanFlag("off", fractional));
        flags.set(Scenarios.S4_TEN_RULES, s4());
        return root;
    }

    private static ObjectNode booleanFlag(String defaultVariant, @Nullable JsonNode targeting) {
        ObjectNode flag = V6Json.object();
        flag.put("state", "ENABLED");
        ObjectNode variants = flag.putObject("variants");
        variants.put("on", true);
        variants.put("off", false);
        flag.put("defaultVariant", defaultVariant);
        if (targeting != null) {
            flag.set("targeting", targeting);
        }
        return flag;
    }

    private static ObjectNode s4() {
        ObjectNode flag = V6Json.object();
        flag.put("state", "ENABLED");
        ObjectNode variants = flag.putObject("variants");
        ArrayNode chain = V6Json.array();
        for (int i = 0; i < ScenarioFlags.S4_RULES.size(); i++) {
            String variant = "rule" + (i + 1);
            variants.put(variant, variant);
            chain.add(condition(ScenarioFlags.S4_RULES.get(i)));
            chain.add(variant);
        }
        variants.put(Scenarios.S4_DEFAULT, Scenarios.S4_DEFAULT);
        chain.add(Scenarios.S4_DEFAULT);
        flag.put("defaultVariant", Scenarios.S4_DEFAULT);
        flag.putObject("targeting").set("if", chain);
        return flag;
    }

    /** Translates one ConfigCat user condition of the scenarios into json-logic. */
    static JsonNode condition(ScenarioFlags.Rule rule) {
        String attribute = rule.attribute();
        Object comparison = rule.comparison();
        return switch (rule.comparator()) {
            case V6Json.ENDS_WITH_ANY_OF -> anyOf("ends_with", attribute, (List<?>) comparison);
            case V6Json.STARTS_WITH_ANY_OF -> anyOf("starts_with", attribute, (List<?>) comparison);
            case V6Json.IS_ONE_OF -> {
                ObjectNode in = V6Json.object();
                ArrayNode args = in.putArray("in").add(var(attribute));
                ArrayNode list = args.addArray();
                ((List<?>) comparison).forEach(item -> list.add((String) item));
                yield in;
            }
            case V6Json.CONTAINS_ANY_OF -> {
                ArrayNode alternatives = V6Json.array();
                for (Object item : (List<?>) comparison) {
                    ObjectNode in = V6Json.object();
                    in.putArray("in").add((String) item).add(var(attribute));
                    alternatives.add(in);
                }
                yield or(alternatives);
            }
            case V6Json.TEXT_EQUALS -> binary("==", attribute, V6Json.object().textNode((String) comparison));
            case V6Json.NUMBER_GREATER -> binary(">", attribute, number(comparison));
            case V6Json.NUMBER_LESS_EQUALS -> binary("<=", attribute, number(comparison));
            case V6Json.SEMVER_LESS -> semver(attribute, "<", (String) comparison);
            case V6Json.SEMVER_GREATER_EQUALS -> semver(attribute, ">=", (String) comparison);
            case V6Json.SEMVER_IS_ONE_OF -> {
                ArrayNode alternatives = V6Json.array();
                ((List<?>) comparison).forEach(v -> alternatives.add(semver(attribute, "=", (String) v)));
                yield or(alternatives);
            }
            default -> throw new IllegalArgumentException("no flagd translation for comparator " + rule.comparator());
        };
    }

    private static JsonNode anyOf(String operator, String attribute, List<?> items) {
        ArrayNode alternatives = V6Json.array();
        for (Object item : items) {
            ObjectNode op = V6Json.object();
            op.putArray(operator).add(var(attribute)).add((String) item);
            alternatives.add(op);
        }
        return alternatives.size() == 1 ? alternatives.get(0) : or(alternatives);
    }

    private static ObjectNode or(ArrayNode alternatives) {
        ObjectNode or = V6Json.object();
        or.set("or", alternatives);
        return or;
    }

    private static ObjectNode binary(String operator, String attribute, JsonNode operand) {
        ObjectNode op = V6Json.object();
        op.putArray(operator).add(var(attribute)).add(operand);
        return op;
    }

    private static ObjectNode semver(String attribute, String operator, String version) {
        ObjectNode op = V6Json.object();
        op.putArray("sem_ver").add(var(attribute)).add(operator).add(version);
        return op;
    }

    private static ObjectNode ifThenElse(JsonNode condition, String then, String otherwise) {
        ObjectNode op = V6Json.object();
        op.putArray("if").add(condition).add(then).add(otherwise);
        return op;
    }

    private static ObjectNode var(String attribute) {
        ObjectNode var = V6Json.object();
        var.put("var", BenchUser.IDENTIFIER.equals(attribute) ? "targetingKey" : attribute);
        return var;
    }

    private static JsonNode number(Object comparison) {
        return V6Json.object().numberNode(((Number) comparison).intValue());
    }
}
