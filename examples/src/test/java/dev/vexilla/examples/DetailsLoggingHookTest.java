package dev.vexilla.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.FlagValueType;
import dev.openfeature.sdk.HookContext;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.ImmutableMetadata;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class DetailsLoggingHookTest {
    private static final HookContext<Object> CONTEXT = HookContext.from(
            "maxUploadMb", FlagValueType.INTEGER, () -> "cloud", () -> "Vexilla Cloud", new ImmutableContext(), 0);

    @Test
    void afterWritesOneLineWithDetailsAndTheMetadataPresent() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FlagEvaluationDetails<Object> details = FlagEvaluationDetails.builder()
                .flagKey("maxUploadMb")
                .value(100)
                .variant("a9100ad1")
                .reason("TARGETING_MATCH")
                .flagMetadata(ImmutableMetadata.builder()
                        .addInteger("ruleIndex", 0)
                        .addString("version", "etag-1")
                        .build())
                .build();

        new DetailsLoggingHook(new PrintStream(bytes, true, StandardCharsets.UTF_8)).after(CONTEXT, details, Map.of());

        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .isEqualTo("[cloud] Vexilla Cloud maxUploadMb=100 variant=a9100ad1 reason=TARGETING_MATCH ruleIndex=0"
                        + " version=etag-1" + System.lineSeparator());
    }

    @Test
    void failedEvaluationShowsItsErrorCode() {
        FlagEvaluationDetails<Object> details = FlagEvaluationDetails.builder()
                .flagKey("maxUploadMb")
                .value(0)
                .reason("ERROR")
                .errorCode(ErrorCode.FLAG_NOT_FOUND)
                .flagMetadata(ImmutableMetadata.builder().build())
                .build();

        assertThat(DetailsLoggingHook.line(CONTEXT, details))
                .isEqualTo("[cloud] Vexilla Cloud maxUploadMb=0 variant=null reason=ERROR error=FLAG_NOT_FOUND");
    }
}
