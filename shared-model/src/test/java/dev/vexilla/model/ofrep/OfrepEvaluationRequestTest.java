package dev.vexilla.model.ofrep;

import static dev.vexilla.model.RoundTrips.MAPPER;
import static dev.vexilla.model.RoundTrips.assertRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.ImmutableStructure;
import dev.openfeature.sdk.Value;
import dev.vexilla.model.ContextMapper;
import dev.vexilla.model.ObjectMappers;
import dev.vexilla.model.User;
import dev.vexilla.model.WirePayloadException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class OfrepEvaluationRequestTest {

    @Test
    void specSingleFlagRequestExampleRoundTrips() throws Exception {
        OfrepEvaluationRequest req =
                assertRoundTrip(OpenApiExamples.request(OpenApiExamples.SINGLE), OfrepEvaluationRequest.class);

        assertThat(req.targetingKey()).isEqualTo("user-123");
        User user = ContextMapper.toUser(req.toEvaluationContext());
        assertThat(user.identifier()).isEqualTo("user-123");
        assertThat(user.email()).isEqualTo("user@example.com");
        assertThat(user.country()).isEqualTo("CA");
        assertThat(user.attribute("custom-plan")).isEqualTo("premium");
    }

    @Test
    void specBulkRequestExampleRoundTrips() throws Exception {
        OfrepEvaluationRequest req =
                assertRoundTrip(OpenApiExamples.request(OpenApiExamples.BULK), OfrepEvaluationRequest.class);

        assertThat(req.targetingKey()).isEqualTo("user-456");
    }

    @Test
    void specContextSchemaExampleIsAValidContext() throws Exception {
        byte[] context = OpenApiExamples.at("/components/schemas/context/example");
        byte[] body = ("{\"context\":" + new String(context, java.nio.charset.StandardCharsets.UTF_8) + "}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        OfrepEvaluationRequest req = assertRoundTrip(body, OfrepEvaluationRequest.class);

        assertThat(ContextMapper.toUser(req.toEvaluationContext()).attribute("plan"))
                .isEqualTo("premium");
    }

    @Test
    void contextSurvivesTheWireForTheMapper() throws Exception {
        Map<String, Value> attrs = new LinkedHashMap<>();
        attrs.put("email", new Value("a@b.c"));
        attrs.put("seats", new Value(12));
        attrs.put("big", new Value(5_000_000_000L));
        attrs.put("ratio", new Value(0.25));
        attrs.put("beta", new Value(true));
        attrs.put("roles", new Value(Arrays.asList(new Value("x"), new Value("y"))));
        Map<String, Value> custom = new LinkedHashMap<>();
        custom.put("plan", new Value("pro"));
        attrs.put("customData", new Value(new ImmutableStructure(custom)));
        EvaluationContext ctx = new ImmutableContext("u-1", attrs);

        byte[] json = MAPPER.writeValueAsBytes(OfrepEvaluationRequest.of(ctx));
        EvaluationContext back =
                ObjectMappers.read(MAPPER, json, OfrepEvaluationRequest.class).toEvaluationContext();

        assertThat(ContextMapper.toUser(back)).isEqualTo(ContextMapper.toUser(ctx));
    }

    @Test
    void instantsTravelAsUnixSeconds() throws Exception {
        EvaluationContext ctx =
                new ImmutableContext("u", Map.of("signup", new Value(Instant.ofEpochSecond(1_700_000_000L))));

        String json = MAPPER.writeValueAsString(OfrepEvaluationRequest.of(ctx));

        assertThat(json).isEqualTo("{\"context\":{\"targetingKey\":\"u\",\"signup\":1700000000}}");
    }

    @Test
    void nonObjectContextIsATypedError() {
        assertThatThrownBy(() -> ObjectMappers.read(MAPPER, "{\"context\":[1]}", OfrepEvaluationRequest.class))
                .isInstanceOf(WirePayloadException.class)
                .hasMessage("$: context must be an object");
    }

    @Test
    void missingContextIsEmptyAndToStringShowsNoValues() throws Exception {
        OfrepEvaluationRequest empty = ObjectMappers.read(MAPPER, "{}", OfrepEvaluationRequest.class);
        OfrepEvaluationRequest req = OfrepEvaluationRequest.of(new ImmutableContext("secret-user"));

        assertThat(empty.context().size()).isZero();
        assertThat(empty.targetingKey()).isNull();
        assertThat(req.toString()).contains("targetingKey").doesNotContain("secret-user");
        assertThat(req).isEqualTo(OfrepEvaluationRequest.of(new ImmutableContext("secret-user")));
        assertThat(req.hashCode())
                .isEqualTo(OfrepEvaluationRequest.of(new ImmutableContext("secret-user"))
                        .hashCode());
    }
}
