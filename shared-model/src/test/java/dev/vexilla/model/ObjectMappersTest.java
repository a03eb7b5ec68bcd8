package dev.vexilla.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vexilla.model.bucketing.DevCycleUser;
import dev.vexilla.model.bucketing.TrackRequest;
import dev.vexilla.model.ofrep.OfrepBulkResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class ObjectMappersTest {

    private final ObjectMapper mapper = ObjectMappers.create();

    @Test
    void unknownPropertiesAreIgnored() throws Exception {
        DevCycleUser user =
                ObjectMappers.read(mapper, "{\"user_id\":\"u\",\"futureField\":{\"x\":1}}", DevCycleUser.class);

        assertThat(user.userId()).isEqualTo("u");
        assertThat(mapper.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
                .isFalse();
    }

    @Test
    void defaultTypingIsOff() {
        assertThat(mapper.getDeserializationConfig().getDefaultTyper(mapper.constructType(Object.class)))
                .isNull();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"user\":{\"user_id\":\"u\",\"customData\":\"pro\"}}|$.user.customData|expected an object",
                "{\"user\":{\"user_id\":[1]}}|$.user.user_id|expected a string",
                "{\"user\":{\"user_id\":\"u\"},\"events\":{}}|$.events|expected an array",
                "{\"user\":{\"user_id\":\"u\"},\"events\":[{\"type\":\"t\",\"value\":\"x\"}]}|$.events[0].value|expected a number",
                "{\"user\":{\"user_id\":\"u\"},\"events\":[{\"target\":\"t\"}]}|$.events[0]|type is required",
                "{\"events\":[]}|$|user is required",
                "{\"user\":{\"user_id\":\"u\",\"createdDate\":\"yesterday\"}}|$.user.createdDate|expected epoch milliseconds or an ISO-8601 date-time"
            })
    void wrongShapesNameTheJsonPath(String json, String path, String problem) {
        assertThatThrownBy(() -> ObjectMappers.read(mapper, json, TrackRequest.class))
                .isInstanceOfSatisfying(WirePayloadException.class, e -> {
                    assertThat(e.path()).isEqualTo(path);
                    assertThat(e.problem()).isEqualTo(problem);
                    assertThat(e.getMessage()).isEqualTo(path + ": " + problem);
                });
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"user\":{\"user_id\":true}}|$.user.user_id|expected a string",
                "{\"user\":{\"user_id\":123}}|$.user.user_id|expected a string",
                "{\"user\":{\"user_id\":1e999999}}|$.user.user_id|expected a string",
                "{\"user\":{\"user_id\":\"u\",\"email\":5}}|$.user.email|expected a string",
                "{\"user\":{\"user_id\":\"u\",\"isAnonymous\":\"true\"}}|$.user.isAnonymous|expected a boolean",
                "{\"user\":{\"user_id\":\"u\",\"customData\":{\"x\":1e999999}}}|$.user.customData.x|expected a number within the range of a 64-bit float",
                "{\"user\":{\"user_id\":\"u\",\"customData\":{\"x\":[1,-1e999999]}}}|$.user.customData.x|expected a number within the range of a 64-bit float",
                "{\"user\":{\"user_id\":\"u\"},\"events\":[{\"type\":7}]}|$.events[0].type|expected a string",
                "{\"user\":{\"user_id\":\"u\"},\"events\":[{\"type\":\"t\",\"value\":\"5\"}]}|$.events[0].value|expected a number",
                "{\"user\":{\"user_id\":\"u\"},\"events\":[{\"type\":\"t\",\"value\":1e999999}]}|$.events[0].value|expected a number within the range of a 64-bit float",
                "{\"user\":{\"user_id\":\"u\"},\"events\":[{\"type\":\"t\",\"date\":\"17\"}]}|$.events[0].date|expected an integer",
                "{\"user\":{\"user_id\":\"u\"},\"events\":[{\"type\":\"t\",\"date\":1e3}]}|$.events[0].date|expected an integer"
            })
    void strictMapper_refusesScalarCoercionAndNumbersOutOfRange(String json, String path, String problem) {
        ObjectMapper strict = ObjectMappers.createStrict(JsonReadLimits.defaults());

        assertThatThrownBy(() -> ObjectMappers.read(strict, json, TrackRequest.class))
                .isInstanceOfSatisfying(WirePayloadException.class, e -> {
                    assertThat(e.path()).isEqualTo(path);
                    assertThat(e.problem()).isEqualTo(problem);
                    assertThat(e.getMessage()).doesNotContain("999999");
                });
    }

    @Test
    void strictMapper_readsWellTypedDocumentsLikeTheLenientOne() throws Exception {
        ObjectMapper strict = ObjectMappers.createStrict(JsonReadLimits.defaults());
        String json = "{\"user\":{\"user_id\":\"u\",\"isAnonymous\":false,\"createdDate\":\"1700000000000\","
                + "\"customData\":{\"n\":1,\"big\":12345678901,\"f\":2.5,\"list\":[\"a\"],\"nested\":{\"m\":1.5}}},"
                + "\"events\":[{\"type\":\"t\",\"value\":3,\"date\":1700000000000,\"metaData\":{\"k\":[1,2.5]}}]}";

        assertThat(ObjectMappers.read(strict, json, TrackRequest.class))
                .isEqualTo(ObjectMappers.read(mapper, json, TrackRequest.class));
        assertThat(strict.getFactory().streamReadConstraints().getMaxDocumentLength())
                .isEqualTo(JsonReadLimits.DEFAULT_MAX_DOCUMENT_LENGTH);
    }

    @Test
    void lenientMapper_keepsCoercingScalarsForClientsReadingResponses() throws Exception {
        DevCycleUser user = ObjectMappers.read(mapper, "{\"user_id\":123,\"email\":true}", DevCycleUser.class);

        assertThat(user.userId()).isEqualTo("123");
        assertThat(user.email()).isEqualTo("true");
    }

    @Test
    void malformedJsonNamesLineAndColumnAndPath() {
        String json = "{\"flags\":[{\"key\":\"a\",\"reason\":\"STATIC\"},{\"key\": oops}]}";

        assertThatThrownBy(() -> ObjectMappers.read(mapper, json, OfrepBulkResponse.class))
                .isInstanceOfSatisfying(WirePayloadException.class, e -> {
                    assertThat(e.path()).isEqualTo("$.flags[1].key");
                    assertThat(e.problem()).startsWith("malformed JSON at line 1, column");
                    assertThat(e.getMessage()).doesNotContain("oops");
                });
    }

    @Test
    void truncatedJsonIsReported() {
        assertThatThrownBy(() -> ObjectMappers.read(mapper, "{\"flags\":[{\"key\":\"a\"", OfrepBulkResponse.class))
                .isInstanceOfSatisfying(
                        WirePayloadException.class,
                        e -> assertThat(e.problem()).isEqualTo("truncated JSON: unexpected end of input"));
    }

    @Test
    void emptyDocumentIsReported() {
        assertThatThrownBy(() -> ObjectMappers.read(mapper, new byte[0], JsonNode.class))
                .isInstanceOfSatisfying(WirePayloadException.class, e -> {
                    assertThat(e.path()).isEqualTo("$");
                    assertThat(e.problem()).isEqualTo("empty document");
                });
    }

    @Test
    void jsonNullDocumentIsReported() {
        assertThatThrownBy(() -> ObjectMappers.read(mapper, "null", DevCycleUser.class))
                .isInstanceOf(WirePayloadException.class)
                .hasMessage("$: expected a JSON value, was null");
    }

    @Test
    void trailingContentIsRejected() {
        assertThatThrownBy(() -> ObjectMappers.read(mapper, "{\"user_id\":\"u\"} {}", DevCycleUser.class))
                .isInstanceOfSatisfying(
                        WirePayloadException.class,
                        e -> assertThat(e.problem()).isEqualTo("unexpected content after the JSON value"));
    }

    @Test
    void oversizedDocumentIsRejected() {
        ObjectMapper small = ObjectMappers.create(
                JsonReadLimits.builder().maxDocumentLength(1024).build());
        char[] pad = new char[2000];
        Arrays.fill(pad, 'x');
        byte[] json = ("{\"user_id\":\"" + new String(pad) + "\"}").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ObjectMappers.read(small, json, DevCycleUser.class))
                .isInstanceOfSatisfying(
                        WirePayloadException.class,
                        e -> assertThat(e.problem()).isEqualTo("document exceeds the maximum length of 1024 bytes"));
    }

    @Test
    void defaultLimitRejectsDocumentsOverEightMebibytes() {
        byte[] json = new byte[(int) JsonReadLimits.DEFAULT_MAX_DOCUMENT_LENGTH + 16];
        Arrays.fill(json, (byte) ' ');
        json[0] = '[';
        json[json.length - 1] = ']';

        assertThatThrownBy(() -> ObjectMappers.read(mapper, json, JsonNode.class))
                .isInstanceOfSatisfying(
                        WirePayloadException.class, e -> assertThat(e.problem()).contains("maximum length of 8388608"));
    }

    @Test
    void tooDeepNestingIsRejected() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < JsonReadLimits.DEFAULT_MAX_NESTING_DEPTH + 1; i++) {
            sb.append('[');
        }
        for (int i = 0; i < JsonReadLimits.DEFAULT_MAX_NESTING_DEPTH + 1; i++) {
            sb.append(']');
        }

        assertThatThrownBy(() -> ObjectMappers.read(mapper, sb.toString(), JsonNode.class))
                .isInstanceOfSatisfying(
                        WirePayloadException.class,
                        e -> assertThat(e.problem()).isEqualTo("document exceeds the maximum nesting depth of 64"));
    }

    @Test
    void tooLongStringIsRejected() {
        ObjectMapper small = ObjectMappers.create(
                JsonReadLimits.builder().maxStringLength(1024).build());
        char[] pad = new char[1500];
        Arrays.fill(pad, 'y');

        assertThatThrownBy(() ->
                        ObjectMappers.read(small, "{\"user_id\":\"" + new String(pad) + "\"}", DevCycleUser.class))
                .isInstanceOfSatisfying(
                        WirePayloadException.class,
                        e -> assertThat(e.problem())
                                .isEqualTo("string value exceeds the maximum length of 1024 characters"));
    }

    @Test
    void streamIsReadAndLeftOpen() throws Exception {
        ClosingTrackingStream in = new ClosingTrackingStream("{\"user_id\":\"u\"}".getBytes(StandardCharsets.UTF_8));

        DevCycleUser user = ObjectMappers.read(mapper, in, DevCycleUser.class);

        assertThat(user.userId()).isEqualTo("u");
        assertThat(in.closed).isFalse();
    }

    @Test
    void sharedMapperIsOneInstance() {
        assertThat(ObjectMappers.shared()).isSameAs(ObjectMappers.shared());
    }

    @Test
    void nullFieldsAreLeftOutWhenWriting() throws Exception {
        String json =
                mapper.writeValueAsString(DevCycleUser.builder().userId("u").build());

        assertThat(json).isEqualTo("{\"user_id\":\"u\"}");
    }

    private static final class ClosingTrackingStream extends ByteArrayInputStream {
        boolean closed;

        ClosingTrackingStream(byte[] buf) {
            super(buf);
        }

        @Override
        public void close() throws IOException {
            closed = true;
            super.close();
        }
    }
}
