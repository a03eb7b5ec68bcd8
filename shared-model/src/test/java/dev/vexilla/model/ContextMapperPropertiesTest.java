package dev.vexilla.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.ImmutableStructure;
import dev.openfeature.sdk.Value;
import dev.vexilla.model.bucketing.DevCycleUser;
import dev.vexilla.model.ofrep.OfrepEvaluationRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jspecify.annotations.Nullable;

/** Properties of {@link ContextMapper} over generated contexts (a companion of {@link ContextMapperTest}). */
final class ContextMapperPropertiesTest {

    private static final List<String> NAMES = Arrays.asList(
            "targetingKey",
            "user_id",
            "userId",
            "Identifier",
            "Email",
            "email",
            "Country",
            "country",
            "plan",
            "Plan",
            "seats",
            "tags",
            "customData",
            "privateCustomData",
            "when",
            "name",
            "appVersion",
            "appBuild",
            "language",
            "deviceModel",
            "");

    @Property(tries = 300)
    void viewAgreesWithToUserOnEveryName(@ForAll("contexts") ImmutableContext ctx) {
        User user = ContextMapper.toUser(ctx);
        UserAttributes view = ContextMapper.view(ctx);

        assertThat(view.identifier()).isEqualTo(user.identifier());
        for (String name : NAMES) {
            assertThat(view.attribute(name)).as(name).isEqualTo(user.attribute(name));
        }
        for (String name : user.customAttributes().keySet()) {
            assertThat(view.attribute(name)).as(name).isEqualTo(user.attribute(name));
        }
    }

    @Property(tries = 300)
    void viewAgreesWithToUserOnTheDevCycleView(@ForAll("contexts") ImmutableContext ctx) {
        User user = ContextMapper.toUser(ctx);
        UserAttributes view = ContextMapper.view(ctx);

        for (String name : NAMES) {
            assertThat(view.customData(name)).as(name).isEqualTo(user.customData(name));
        }
    }

    @Property(tries = 300)
    void anEmptyTargetingKeyMapsExactlyAsAnAbsentOne(@ForAll("contexts") ImmutableContext ctx) {
        Map<String, Value> attributes = new LinkedHashMap<>(ctx.asMap());
        attributes.remove(EvaluationContext.TARGETING_KEY);
        ImmutableContext absent = new ImmutableContext(attributes);
        ImmutableContext empty = new ImmutableContext("", attributes);

        assertThat(ContextMapper.namesNoUser(empty)).isEqualTo(ContextMapper.namesNoUser(absent));
        assertThat(ContextMapper.map(empty)).isEqualTo(ContextMapper.map(absent));
        UserAttributes emptyView = ContextMapper.view(empty);
        UserAttributes absentView = ContextMapper.view(absent);
        assertThat(emptyView.identifier()).isEqualTo(absentView.identifier());
        for (String name : NAMES) {
            assertThat(emptyView.attribute(name)).as(name).isEqualTo(absentView.attribute(name));
            assertThat(emptyView.customData(name)).as(name).isEqualTo(absentView.customData(name));
        }
    }

    @Property(tries = 300)
    void theServersOfrepMappingSeesWhatTheProviderSees(@ForAll("wireContexts") ImmutableContext ctx) {
        EvaluationContext onServer = new OfrepEvaluationRequest(
                        OfrepEvaluationRequest.of(ctx).context().deepCopy())
                .toEvaluationContext();

        assertThat(ContextMapper.namesNoUser(onServer)).isEqualTo(ContextMapper.namesNoUser(ctx));
        User local = ContextMapper.toUser(ctx);
        User server = ContextMapper.toUser(onServer);
        assertThat(server.identifier()).as("identifier of %s", ctx.asMap()).isEqualTo(local.identifier());
        for (String name : names(local)) {
            assertThat(text(server.attribute(name))).as(name).isEqualTo(text(local.attribute(name)));
            assertThat(text(server.customData(name))).as(name).isEqualTo(text(local.customData(name)));
        }
    }

    /**
     * The Bucketing API v1 carries a DevCycle user: the DevCycle view arrives whole; the ConfigCat view too, except
     * the documented corners (a custom attribute named like a lowercase alias, and a name given both at the top level
     * and in {@code customData} with different values, where the server sees the {@code customData} value).
     */
    @Property(tries = 300)
    void theServersBucketingMappingSeesWhatTheProviderSees(@ForAll("wireContexts") ImmutableContext ctx) {
        User local = ContextMapper.toUser(ctx);
        User server = DevCycleUser.fromUser(local).toUser();

        assertThat(server.identifier()).isEqualTo(local.identifier());
        for (String name : names(local)) {
            assertThat(text(server.customData(name))).as(name).isEqualTo(text(local.customData(name)));
            boolean corner = ALIASES.contains(name)
                    || (local.customDataEntries().containsKey(name)
                            && !local.customDataEntries().get(name).equals(local.attribute(name)));
            if (!corner) {
                assertThat(text(server.attribute(name))).as(name).isEqualTo(text(local.attribute(name)));
            }
        }
    }

    private static final List<String> ALIASES = Arrays.asList("user_id", "userId", "email", "country");

    private static Set<String> names(User user) {
        Set<String> names = new LinkedHashSet<>(NAMES);
        names.addAll(user.customAttributes().keySet());
        names.addAll(user.customDataEntries().keySet());
        return names;
    }

    /** Numbers and date-times compare by their text: JSON carries no Java number type. */
    private static @Nullable String text(@Nullable Object value) {
        if (value instanceof Number) {
            return new java.math.BigDecimal(value.toString())
                    .stripTrailingZeros()
                    .toPlainString();
        }
        return value == null ? null : value.toString();
    }

    @Property(tries = 300)
    void mappingNeverThrowsAndProblemsNameAnAttribute(@ForAll("contexts") ImmutableContext ctx) {
        MappedUser mapped = ContextMapper.map(ctx);

        assertThat(mapped.problems()).allSatisfy(p -> assertThat(p).contains("attribute '"));
    }

    @Provide
    Arbitrary<ImmutableContext> contexts() {
        Arbitrary<String> targetingKeys = Arbitraries.of("", "u-1", "u-2").injectNull(0.3);
        Arbitrary<Map<String, Value>> attributes =
                Arbitraries.maps(Arbitraries.of(NAMES), values(2)).ofMaxSize(8);
        return targetingKeys.flatMap(tk -> attributes.map(attrs -> new ImmutableContext(tk, attrs)));
    }

    /**
     * Contexts whose values JSON carries as they are (no date-times, no NaN) and whose targeting key, if any, is a
     * string, as OFREP requires: what a request body can hold.
     */
    @Provide
    Arbitrary<ImmutableContext> wireContexts() {
        Arbitrary<String> targetingKeys = Arbitraries.of("", "u-1", "u-2").injectNull(0.3);
        List<String> names = new ArrayList<>(NAMES);
        names.remove(EvaluationContext.TARGETING_KEY);
        Arbitrary<Map<String, Value>> attributes =
                Arbitraries.maps(Arbitraries.of(names), values(2, false)).ofMaxSize(8);
        return targetingKeys.flatMap(tk -> attributes.map(attrs -> new ImmutableContext(tk, attrs)));
    }

    private static Arbitrary<Value> values(int depth) {
        return values(depth, true);
    }

    private static Arbitrary<Value> values(int depth, boolean anyType) {
        List<Arbitrary<Value>> choices = new ArrayList<>();
        choices.add(Arbitraries.strings().ofMaxLength(4).map(Value::new));
        choices.add(Arbitraries.integers().map(Value::new));
        choices.add(Arbitraries.longs().map(Value::new));
        choices.add(Arbitraries.of(true, false).map(Value::new));
        if (anyType) {
            choices.add(Arbitraries.doubles().map(Value::new));
            choices.add(
                    Arbitraries.longs().between(0, 4_000_000_000_000L).map(ms -> new Value(Instant.ofEpochMilli(ms))));
        } else {
            choices.add(Arbitraries.doubles().between(-1e9, 1e9).map(Value::new));
        }
        choices.add(Arbitraries.just(new Value()));
        choices.add(Arbitraries.strings()
                .ofMaxLength(3)
                .list()
                .ofMaxSize(3)
                .map(l -> new Value(l.stream().map(Value::new).collect(Collectors.toList()))));
        if (depth > 0) {
            choices.add(values(depth - 1, anyType).list().ofMaxSize(3).map(Value::new));
            choices.add(Arbitraries.maps(Arbitraries.of(NAMES), values(depth - 1, anyType))
                    .ofMaxSize(4)
                    .map(m -> new Value(new ImmutableStructure(new LinkedHashMap<>(m)))));
        }
        return Arbitraries.oneOf(choices);
    }
}
