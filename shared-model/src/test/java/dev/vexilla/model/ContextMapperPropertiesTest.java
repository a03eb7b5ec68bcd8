package dev.vexilla.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.ImmutableStructure;
import dev.openfeature.sdk.Value;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

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

    private static Arbitrary<Value> values(int depth) {
        List<Arbitrary<Value>> choices = new ArrayList<>();
        choices.add(Arbitraries.strings().ofMaxLength(4).map(Value::new));
        choices.add(Arbitraries.integers().map(Value::new));
        choices.add(Arbitraries.longs().map(Value::new));
        choices.add(Arbitraries.doubles().map(Value::new));
        choices.add(Arbitraries.of(true, false).map(Value::new));
        choices.add(Arbitraries.longs().between(0, 4_000_000_000_000L).map(ms -> new Value(Instant.ofEpochMilli(ms))));
        choices.add(Arbitraries.just(new Value()));
        choices.add(Arbitraries.strings()
                .ofMaxLength(3)
                .list()
                .ofMaxSize(3)
                .map(l -> new Value(l.stream().map(Value::new).collect(Collectors.toList()))));
        if (depth > 0) {
            choices.add(values(depth - 1).list().ofMaxSize(3).map(Value::new));
            choices.add(Arbitraries.maps(Arbitraries.of(NAMES), values(depth - 1))
                    .ofMaxSize(4)
                    .map(m -> new Value(new ImmutableStructure(new LinkedHashMap<>(m)))));
        }
        return Arbitraries.oneOf(choices);
    }
}
