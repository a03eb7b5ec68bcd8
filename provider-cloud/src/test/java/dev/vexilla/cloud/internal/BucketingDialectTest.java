package dev.vexilla.cloud.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.Value;
import dev.vexilla.model.ContextMapper;
import dev.vexilla.model.ErrorKind;
import dev.vexilla.model.ResultMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The user JSON the Bucketing API dialect sends, for contexts with and without targeting key. */
final class BucketingDialectTest {
    private final BucketingDialect dialect = new BucketingDialect(URI.create("http://127.0.0.1:1/"), false);

    private String body(EvaluationContext ctx) throws Exception {
        return new String(dialect.body(ctx, ContextMapper.toUser(ctx)), StandardCharsets.UTF_8);
    }

    @Test
    void contextWithTargetingKeyIsAPlainUser() throws Exception {
        assertThat(body(new ImmutableContext("u-1", Map.of("email", new Value("a@b.c")))))
                .isEqualTo("{\"user_id\":\"u-1\",\"email\":\"a@b.c\"}");
    }

    @Test
    void contextWithoutTargetingKeyIsAnAnonymousUserWithItsAttributes() throws Exception {
        assertThat(body(new ImmutableContext(Map.of("email", new Value("a@b.c"), "plan", new Value("pro")))))
                .isEqualTo("{\"isAnonymous\":true,\"email\":\"a@b.c\",\"customData\":{\"plan\":\"pro\"}}");
    }

    @Test
    void emptyContextIsAnAnonymousUserWithNothingElse() throws Exception {
        assertThat(body(new ImmutableContext())).isEqualTo("{\"isAnonymous\":true}");
    }

    @Test
    void nonEmptyContextWhoseAttributesMapToNothingKeepsAnEmptyUserId() throws Exception {
        assertThat(body(new ImmutableContext(Map.of("email", new Value("")))))
                .isEqualTo("{\"user_id\":\"\",\"isAnonymous\":true}");
        assertThat(body(new ImmutableContext(Map.of("email", new Value("e@x.io")))))
                .as("the alias travels as the user's own e-mail")
                .isEqualTo("{\"isAnonymous\":true,\"email\":\"e@x.io\"}");
    }

    @Test
    void anEmptyTargetingKeyAloneNamesNoUserLikeAnEmptyContext() throws Exception {
        assertThat(body(new ImmutableContext(""))).isEqualTo(body(new ImmutableContext()));
    }

    @Test
    void notFoundAnswerCarriesTheEngineMessageAndMetadata() throws Exception {
        byte[] json = ("{\"statusCode\":404,\"message\":\"Variable not found for key: f\",\"vexilla\":"
                        + "{\"reason\":\"ERROR\",\"errorCode\":\"FLAG_NOT_FOUND\","
                        + "\"errorMessage\":\"Flag 'f' is not in the config.\","
                        + "\"metadata\":{\"version\":\"v1\",\"flagSetId\":\"0123456789abcdef\",\"fetchTime\":5}}}")
                .getBytes(StandardCharsets.UTF_8);

        RemoteAnswer answer = dialect.single("f", new HttpResult(404, json, null, null));

        assertThat(answer.result().errorMessage()).isEqualTo("Flag 'f' is not in the config.");
        assertThat(answer.metadata().getString("flagSetId")).isEqualTo("0123456789abcdef");
        assertThat(answer.metadata().getLong("fetchTime")).isEqualTo(5L);
        assertThat(answer.result().errorKind()).isEqualTo(ErrorKind.FLAG_NOT_FOUND);
    }

    @Test
    void notFoundAnswerWithoutExtensionKeepsTheBodysMessage() {
        byte[] json =
                "{\"statusCode\":404,\"message\":\"Variable not found for key: f\"}".getBytes(StandardCharsets.UTF_8);

        RemoteAnswer answer = dialect.single("f", new HttpResult(404, json, null, null));

        assertThat(answer.result().errorKind()).isEqualTo(ErrorKind.FLAG_NOT_FOUND);
        assertThat(answer.result().errorMessage()).isEqualTo("Variable not found for key: f");
        assertThat(answer.metadata().isEmpty()).isTrue();
    }

    @Test
    void devCyclesNotTargeted404WithADefaultExtensionIsTheCallersDefaultWithoutError() {
        byte[] json = ("{\"statusCode\":404,\"message\":\"Variable not found for key: banner\",\"vexilla\":"
                        + "{\"reason\":\"DEFAULT\",\"metadata\":{\"version\":\"v1\",\"featureKey\":\"beta\","
                        + "\"featureId\":\"f1\",\"evalReasonDetails\":\"User Not Targeted\"}}}")
                .getBytes(StandardCharsets.UTF_8);

        RemoteAnswer answer = dialect.single("banner", new HttpResult(404, json, null, null));
        ProviderEvaluation<String> evaluation =
                ResultMapper.stringEvaluation("banner", answer.result(), "mine", answer.metadata());

        assertThat(answer.outcome()).isEqualTo(RemoteAnswer.Outcome.ANSWERED);
        assertThat(answer.result().isDefaulted()).isTrue();
        assertThat(evaluation.getValue()).isEqualTo("mine");
        assertThat(evaluation.getReason()).isEqualTo("DEFAULT");
        assertThat(evaluation.getErrorCode()).isNull();
        assertThat(evaluation.getFlagMetadata().getString("featureKey")).isEqualTo("beta");
    }

    @Test
    void devCycleJsonVariableIsAStructureAndNotAString() {
        byte[] json = ("{\"_id\":\"v1\",\"_feature\":\"f1\",\"key\":\"layout\",\"type\":\"JSON\","
                        + "\"value\":{\"columns\":3},\"isDefaulted\":false,\"vexilla\":{\"reason\":\"SPLIT\","
                        + "\"variant\":\"wide\",\"metadata\":{\"featureKey\":\"layouts\",\"featureId\":\"f1\"}}}")
                .getBytes(StandardCharsets.UTF_8);

        RemoteAnswer answer = dialect.single("layout", new HttpResult(200, json, null, null));

        ProviderEvaluation<Value> object =
                ResultMapper.objectEvaluation("layout", answer.result(), new Value(), answer.metadata());
        ProviderEvaluation<String> string =
                ResultMapper.stringEvaluation("layout", answer.result(), "mine", answer.metadata());
        assertThat(object.getValue().asStructure().getValue("columns").asInteger())
                .isEqualTo(3);
        assertThat(object.getVariant()).isEqualTo("wide");
        assertThat(object.getReason()).isEqualTo("SPLIT");
        assertThat(string.getErrorCode())
                .as("DevCycle's types: a JSON variable is no string")
                .isEqualTo(ErrorCode.TYPE_MISMATCH);
    }
}
