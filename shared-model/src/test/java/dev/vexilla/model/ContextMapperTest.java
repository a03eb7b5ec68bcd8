package dev.vexilla.model;

import static dev.vexilla.model.Contexts.ctx;
import static dev.vexilla.model.Contexts.struct;
import static org.assertj.core.api.Assertions.assertThat;

import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.LayeredEvaluationContext;
import dev.openfeature.sdk.MutableContext;
import dev.openfeature.sdk.Value;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class ContextMapperTest {

    private static final Instant WHEN = Instant.parse("2026-01-02T03:04:05Z");

    /** Rows: description, context, user attribute name, expected value (both for view and toUser). */
    static Stream<Arguments> mappingTable() {
        return Stream.of(
                row("targetingKey → Identifier", ctx("u-1"), "Identifier", "u-1"),
                row("user_id fallback", ctx(null, "user_id", "u-2"), "Identifier", "u-2"),
                row("userId fallback", ctx(null, "userId", "u-3"), "Identifier", "u-3"),
                row("empty targetingKey falls back", ctx("", "user_id", "u-4"), "Identifier", "u-4"),
                row("targetingKey beats user_id", ctx("tk", "user_id", "uid", "userId", "uid2"), "Identifier", "tk"),
                row("user_id beats userId", ctx(null, "user_id", "uid", "userId", "uid2"), "Identifier", "uid"),
                row("no targeting key → no identifier", ctx(null, "plan", "pro"), "Identifier", null),
                row("Email → Email", ctx("u", "Email", "a@x.io"), "Email", "a@x.io"),
                row("email → Email", ctx("u", "email", "b@x.io"), "Email", "b@x.io"),
                row("Email beats email", ctx("u", "Email", "a@x.io", "email", "b@x.io"), "Email", "a@x.io"),
                row("empty Email falls back to email", ctx("u", "Email", "", "email", "b@x.io"), "Email", "b@x.io"),
                row("Country → Country", ctx("u", "Country", "HU"), "Country", "HU"),
                row("country → Country", ctx("u", "country", "CA"), "Country", "CA"),
                row("Country beats country", ctx("u", "Country", "HU", "country", "CA"), "Country", "HU"),
                row("lower-case email is also a custom attribute", ctx("u", "email", "b@x.io"), "email", "b@x.io"),
                row("country is also a custom attribute", ctx("u", "country", "CA"), "country", "CA"),
                row("user_id is also a custom attribute", ctx(null, "user_id", "u7"), "user_id", "u7"),
                row("userId is also a custom attribute", ctx("k", "userId", "u8"), "userId", "u8"),
                row("custom email keeps its own value", ctx("u", "Email", "a@x.io", "email", 5), "email", 5),
                row("Email alone makes no custom email", ctx("u", "Email", "a@x.io"), "email", null),
                row("user_id fills Identifier", ctx(null, "user_id", "u7"), "Identifier", "u7"),
                row("empty targeting key falls back to user_id", ctx("", "user_id", "u7"), "Identifier", "u7"),
                row("targetingKey beats user_id", ctx("k", "user_id", "u7"), "Identifier", "k"),
                row("targetingKey is not a custom attribute", ctx("u"), "targetingKey", null),
                row("other names keep their exact name", ctx("u", "Plan", "pro"), "Plan", "pro"),
                row("names are case-sensitive", ctx("u", "Plan", "pro"), "plan", null),
                row("String", ctx("u", "s", "text"), "s", "text"),
                row("Integer", ctx("u", "i", 42), "i", 42),
                row("Long", ctx("u", "l", 5_000_000_000L), "l", 5_000_000_000L),
                row("Double", ctx("u", "d", 4.5), "d", 4.5),
                row("Boolean", ctx("u", "b", true), "b", true),
                row("Instant", ctx("u", "t", new Value(WHEN)), "t", WHEN),
                row("list of strings", ctx("u", "roles", Arrays.asList("a", "b")), "roles", Arrays.asList("a", "b")),
                row("mixed list → JSON", ctx("u", "mixed", Arrays.asList("a", 1, true)), "mixed", "[\"a\",1,true]"),
                row(
                        "nested structure → JSON with sorted keys",
                        ctx("u", "address", struct("zip", "1011", "city", "Budapest", "geo", struct("lat", 47.5))),
                        "address",
                        "{\"city\":\"Budapest\",\"geo\":{\"lat\":47.5},\"zip\":\"1011\"}"),
                row("null value → absent", ctx("u", "gone", new Value()), "gone", null),
                row("customData flattened", ctx("u", "customData", struct("plan", "pro")), "plan", "pro"),
                row("privateCustomData flattened", ctx("u", "privateCustomData", struct("ssn", "x")), "ssn", "x"),
                row(
                        "customData nested structure → JSON",
                        ctx("u", "customData", struct("prefs", struct("b", 2, "a", 1))),
                        "prefs",
                        "{\"a\":1,\"b\":2}"),
                row(
                        "top level beats customData",
                        ctx("u", "plan", "top", "customData", struct("plan", "cd")),
                        "plan",
                        "top"),
                row(
                        "customData beats privateCustomData",
                        ctx("u", "customData", struct("plan", "cd"), "privateCustomData", struct("plan", "pcd")),
                        "plan",
                        "cd"),
                row("customData itself is no attribute", ctx("u", "customData", struct("a", 1)), "customData", null),
                row("email as number → text", ctx("u", "email", 12), "Email", "12"),
                row("Email as boolean → text", ctx("u", "Email", true), "Email", "true"),
                row("Country as structure dropped", ctx("u", "Country", struct("a", 1)), "Country", null),
                row("country as double → plain text", ctx("u", "country", 1.5), "Country", "1.5"),
                row("user_id as number → text", ctx(null, "user_id", 77), "Identifier", "77"),
                row(
                        "wrong-typed Email falls back to email",
                        ctx("u", "Email", Arrays.asList("x"), "email", "b@x.io"),
                        "Email",
                        "b@x.io"));
    }

    private static Arguments row(String description, EvaluationContext ctx, String name, Object expected) {
        return Arguments.of(description, ctx, name, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mappingTable")
    void viewAndToUserFollowTheMappingTable(String description, EvaluationContext ctx, String name, Object expected) {
        assertThat(ContextMapper.view(ctx).attribute(name)).as("view").isEqualTo(expected);
        assertThat(ContextMapper.toUser(ctx).attribute(name)).as("toUser").isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mappingTable")
    void viewIdentifierAgreesWithToUser(String description, EvaluationContext ctx, String name, Object expected) {
        assertThat(ContextMapper.view(ctx).identifier())
                .isEqualTo(ContextMapper.toUser(ctx).identifier());
    }

    @Test
    void privateCustomDataBecomesPrivateAttributes() {
        User user = ContextMapper.toUser(
                ctx("u", "customData", struct("plan", "pro"), "privateCustomData", struct("ssn", "123")));

        assertThat(user.isPrivate("ssn")).isTrue();
        assertThat(user.isPrivate("plan")).isFalse();
        assertThat(user.toString()).doesNotContain("123");
    }

    @Test
    void cleanContextHasNoProblems() {
        MappedUser mapped = ContextMapper.map(ctx("u", "email", "a@b.c", "plan", "pro", "n", 3));

        assertThat(mapped.hasProblems()).isFalse();
        assertThat(mapped.user())
                .isEqualTo(User.builder()
                        .identifier("u")
                        .email("a@b.c")
                        .attribute("email", "a@b.c")
                        .attribute("plan", "pro")
                        .attribute("n", 3)
                        .build());
    }

    @Test
    void wrongTypedEmailIsConvertedAndReportedByName() {
        List<String> problems = ContextMapper.problems(ctx("u", "email", 12));

        assertThat(problems).singleElement().asString().contains("'email'").contains("converted to text");
    }

    @Test
    void structuredCountryIsDroppedAndReportedByName() {
        MappedUser mapped = ContextMapper.map(ctx("u", "country", struct("code", "HU")));

        assertThat(mapped.user().country()).isNull();
        assertThat(mapped.problems())
                .singleElement()
                .asString()
                .contains("'country'")
                .contains("dropped");
    }

    @Test
    void customDataThatIsNotAStructureIsReported() {
        MappedUser mapped = ContextMapper.map(ctx("u", "customData", "plan=pro"));

        assertThat(mapped.user().customAttributes()).isEmpty();
        assertThat(mapped.problems())
                .singleElement()
                .asString()
                .contains("'customData'")
                .contains("structure");
    }

    @Test
    void wellKnownNamesInsideCustomDataAreRefused() {
        MappedUser mapped = ContextMapper.map(ctx("u", "customData", struct("Email", "x@y.z")));

        assertThat(mapped.user().email()).isNull();
        assertThat(mapped.problems()).singleElement().asString().contains("customData.Email");
    }

    @Test
    void shadowedCustomDataEntryFollowsPrecedenceWithoutAProblem() {
        MappedUser mapped = ContextMapper.map(
                ctx("u", "plan", "top", "customData", struct("plan", "cd"), "privateCustomData", struct("plan", "p")));

        assertThat(mapped.user().attribute("plan")).isEqualTo("top");
        assertThat(mapped.user().isPrivate("plan")).isFalse();
        assertThat(mapped.problems()).isEmpty();
    }

    @Test
    void identifierAttributeAtTopLevelIsRefused() {
        MappedUser mapped = ContextMapper.map(ctx(null, "Identifier", "sneaky"));

        assertThat(mapped.user().identifier()).isNull();
        assertThat(mapped.problems()).singleElement().asString().contains("'Identifier'");
    }

    @Test
    void nullContextMapsToTheEmptyUser() {
        assertThat(ContextMapper.toUser(null)).isSameAs(User.empty());
        assertThat(ContextMapper.view(null).attribute("Identifier")).isNull();
        assertThat(ContextMapper.problems(null)).isEmpty();
    }

    @Test
    void emptyContextMapsToUserWithoutIdentifier() {
        User user = ContextMapper.toUser(new ImmutableContext());

        assertThat(user.identifier()).isNull();
        assertThat(user.customAttributes()).isEmpty();
    }

    @Test
    void mutableContextIsMappedLikeAnImmutableOne() {
        MutableContext mutable = new MutableContext("u");
        mutable.add("email", "a@b.c");
        mutable.add("seats", 7);

        assertThat(ContextMapper.toUser(mutable))
                .isEqualTo(ContextMapper.toUser(ctx("u", "email", "a@b.c", "seats", 7)));
    }

    @Test
    void layeredContextOfTheSdkIsReadWithInvocationPrecedence() {
        EvaluationContext api = ctx("api-user", "plan", "free", "country", "HU");
        EvaluationContext client = ctx(null, "plan", "team");
        EvaluationContext invocation = ctx("inv-user", "email", "i@x.io");
        EvaluationContext layered = new LayeredEvaluationContext(api, ImmutableContext.EMPTY, client, invocation);

        UserAttributes view = ContextMapper.view(layered);
        User user = ContextMapper.toUser(layered);

        assertThat(view.identifier()).isEqualTo("inv-user");
        assertThat(view.attribute("plan")).isEqualTo("team");
        assertThat(view.attribute("Country")).isEqualTo("HU");
        assertThat(user)
                .isEqualTo(User.builder()
                        .identifier("inv-user")
                        .email("i@x.io")
                        .country("HU")
                        .attribute("country", "HU")
                        .attribute("email", "i@x.io")
                        .attribute("plan", "team")
                        .build());
    }

    @Test
    void customDataFilterSeesOnlyCustomDataWhileConfigCatSeesEveryTopLevelName() {
        EvaluationContext ctx = ctx(
                "u",
                "email",
                "top@x.io",
                "plan",
                "top",
                "appVersion",
                "1.2.3",
                "appBuild",
                42,
                "customData",
                struct("plan", "cd", "tier", "gold"),
                "privateCustomData",
                struct("tier", "secret"));

        for (UserAttributes user : Arrays.asList(ContextMapper.view(ctx), ContextMapper.toUser(ctx))) {
            assertThat(user.attribute("email")).isEqualTo("top@x.io");
            assertThat(user.customData("email"))
                    .as("a top-level DevCycle user field")
                    .isNull();
            assertThat(user.attribute("plan")).as("ConfigCat: top level first").isEqualTo("top");
            assertThat(user.customData("plan")).as("DevCycle: customData first").isEqualTo("cd");
            assertThat(user.attribute("tier"))
                    .as("ConfigCat: customData before private")
                    .isEqualTo("gold");
            assertThat(user.customData("tier"))
                    .as("DevCycle: private overrides")
                    .isEqualTo("secret");
            assertThat(user.customData("appVersion")).as("a string user field").isNull();
            assertThat(user.customData("appBuild"))
                    .as("a number is custom data, as DevCycle's provider")
                    .isEqualTo(42);
        }
    }

    @Test
    void customDataKeyNamedLikeAWellKnownAttributeStaysDevCycleCustomData() {
        EvaluationContext ctx = ctx("u", "customData", struct("Email", "cd@x.io"));

        MappedUser mapped = ContextMapper.map(ctx);

        assertThat(mapped.user().attribute("Email")).isNull();
        assertThat(mapped.user().customData("Email")).isEqualTo("cd@x.io");
        assertThat(ContextMapper.view(ctx).customData("Email")).isEqualTo("cd@x.io");
        assertThat(mapped.problems()).singleElement().asString().contains("customData.Email");
    }

    @Test
    void onlyAnEmptyTargetingKeyNamesNoUser() {
        assertThat(ContextMapper.namesNoUser(null)).isTrue();
        assertThat(ContextMapper.namesNoUser(ImmutableContext.EMPTY)).isTrue();
        assertThat(ContextMapper.namesNoUser(new ImmutableContext(""))).isTrue();
        assertThat(ContextMapper.namesNoUser(new MutableContext(""))).isTrue();
        assertThat(ContextMapper.namesNoUser(new ImmutableContext("u"))).isFalse();
        assertThat(ContextMapper.namesNoUser(ctx("", "plan", "pro"))).isFalse();
        assertThat(ContextMapper.namesNoUser(ctx(null, "plan", "pro"))).isFalse();
    }

    @Test
    void deeplyNestedStructureIsDroppedWithAProblem() {
        Value v = new Value("leaf");
        for (int i = 0; i < 40; i++) {
            v = struct("n", v);
        }
        MappedUser mapped = ContextMapper.map(ctx("u", "deep", v));

        assertThat(mapped.user().attribute("deep")).isNull();
        assertThat(mapped.problems()).singleElement().asString().contains("'deep'");
        assertThat(ContextMapper.view(ctx("u", "deep", v)).attribute("deep")).isNull();
    }

    @Test
    void contextThatThrowsYieldsPartialUserAndAProblem() {
        EvaluationContext broken = new ThrowingContext(ctx("u", "plan", "pro"));

        MappedUser mapped = ContextMapper.map(broken);

        assertThat(mapped.user().identifier()).isEqualTo("u");
        assertThat(mapped.problems()).singleElement().asString().contains("could not be read");
        assertThat(ContextMapper.view(broken).attribute("plan")).isNull();
    }
}
