package dev.vexilla.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.MutableContext;
import dev.openfeature.sdk.MutableStructure;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The context → user contract of issue [7] as {@link LocalProvider} applies it to ConfigCat rules. */
final class LocalProviderContextContractTest {

    /**
     * {@code split}: a 50/50 percentage option flag; {@code afterSplit}: a prerequisite on {@code split} serving B;
     * {@code customEmail}: a rule on the custom attribute {@code email}; {@code wellKnownEmail}: a rule on
     * {@code Email}.
     */
    private static final String CONFIG = "{\"p\":{\"u\":\"https://cdn-global.configcat.com\",\"r\":0,\"s\":\"salt\"},"
            + "\"f\":{"
            + "\"split\":{\"t\":1,\"p\":[{\"p\":50,\"v\":{\"s\":\"A\"},\"i\":\"a\"},{\"p\":50,\"v\":{\"s\":\"B\"},"
            + "\"i\":\"b\"}],\"v\":{\"s\":\"none\"},\"i\":\"n\"},"
            + "\"afterSplit\":{\"t\":1,\"r\":[{\"c\":[{\"p\":{\"f\":\"split\",\"c\":0,\"v\":{\"s\":\"B\"}}}],"
            + "\"s\":{\"v\":{\"s\":\"wasB\"},\"i\":\"w\"}}],\"v\":{\"s\":\"notB\"},\"i\":\"x\"},"
            + "\"customEmail\":{\"t\":1,\"r\":[{\"c\":[{\"u\":{\"a\":\"email\",\"c\":2,\"l\":[\"@x.io\"]}}],"
            + "\"s\":{\"v\":{\"s\":\"matched\"},\"i\":\"m\"}}],\"v\":{\"s\":\"no\"},\"i\":\"o\"},"
            + "\"wellKnownEmail\":{\"t\":1,\"r\":[{\"c\":[{\"u\":{\"a\":\"Email\",\"c\":2,\"l\":[\"@x.io\"]}}],"
            + "\"s\":{\"v\":{\"s\":\"matched\"},\"i\":\"m\"}}],\"v\":{\"s\":\"no\"},\"i\":\"o\"}"
            + "}}";

    @TempDir
    Path dir;

    private LocalProvider provider;

    @BeforeEach
    void start() throws Exception {
        Path file = dir.resolve("flags.json");
        Files.writeString(file, CONFIG);
        provider = new LocalProvider(LocalOptions.builder()
                .flagOverrides(FlagOverrides.file(file, false), OverrideBehaviour.LOCAL_ONLY)
                .build());
        provider.initialize(new ImmutableContext());
    }

    @AfterEach
    void stop() {
        provider.shutdown();
    }

    @Test
    void anEmptyTargetingKeyEvaluatesExactlyAsAnAbsentOne() {
        for (String key : new String[] {"split", "afterSplit"}) {
            assertSame(key, new ImmutableContext(""), new ImmutableContext());
            assertSame(key, new MutableContext(""), new ImmutableContext());
            assertSame(
                    key,
                    new ImmutableContext("", Map.of("plan", new Value("pro"))),
                    new ImmutableContext(Map.of("plan", new Value("pro"))));
        }
        assertThat(eval("split", new ImmutableContext("")).getValue()).isEqualTo("none");
    }

    @Test
    void aRuleOnTheCustomAttributeEmailSeesTheContextsEmail() {
        assertThat(eval("customEmail", ctx("email", "a@x.io")).getValue()).isEqualTo("matched");
        assertThat(eval("customEmail", ctx("Email", "a@x.io")).getValue())
                .as("Email is the well-known attribute, not the custom one")
                .isEqualTo("no");
        assertThat(eval(
                                "customEmail",
                                ctx(
                                        "customData",
                                        new Value(new MutableStructure(Map.of("email", new Value("a@x.io"))))))
                        .getValue())
                .isEqualTo("matched");
    }

    @Test
    void theLowercaseEmailFillsTheWellKnownEmailOnlyAsAFallback() {
        assertThat(eval("wellKnownEmail", ctx("email", "a@x.io")).getValue()).isEqualTo("matched");
        assertThat(eval(
                                "wellKnownEmail",
                                new ImmutableContext(
                                        "u", Map.of("Email", new Value("a@other.io"), "email", new Value("a@x.io"))))
                        .getValue())
                .isEqualTo("no");
        assertThat(eval(
                                "wellKnownEmail",
                                new ImmutableContext("u", Map.of("Email", new Value(""), "email", new Value("a@x.io"))))
                        .getValue())
                .isEqualTo("matched");
    }

    private static EvaluationContext ctx(String name, String value) {
        return ctx(name, new Value(value));
    }

    private static EvaluationContext ctx(String name, Value value) {
        return new ImmutableContext("u", Map.of(name, value));
    }

    private ProviderEvaluation<String> eval(String key, EvaluationContext ctx) {
        return provider.getStringEvaluation(key, "default", ctx);
    }

    private void assertSame(String key, EvaluationContext emptyKey, EvaluationContext absentKey) {
        ProviderEvaluation<String> a = eval(key, emptyKey);
        ProviderEvaluation<String> b = eval(key, absentKey);
        assertThat(a.getValue()).as(key + " value").isEqualTo(b.getValue());
        assertThat(a.getVariant()).as(key + " variant").isEqualTo(b.getVariant());
        assertThat(a.getReason()).as(key + " reason").isEqualTo(b.getReason());
    }
}
