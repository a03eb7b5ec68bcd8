package dev.vexilla.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.ProviderEvaluation;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class FixedValueProviderTest {

    private final FixedValueProvider provider = new FixedValueProvider(Map.of("flag", true, "text", "hi"));

    @Test
    void knownKeyOfTheRightTypeIsServedStatically() {
        ProviderEvaluation<Boolean> result = provider.getBooleanEvaluation("flag", false, new ImmutableContext());

        assertThat(result.getValue()).isTrue();
        assertThat(result.getReason()).isEqualTo("STATIC");
        assertThat(result.getErrorCode()).isNull();
    }

    @Test
    void unknownKeyIsFlagNotFoundWithTheDefault() {
        ProviderEvaluation<String> result = provider.getStringEvaluation("nope", "dflt", new ImmutableContext());

        assertThat(result.getValue()).isEqualTo("dflt");
        assertThat(result.getErrorCode()).isEqualTo(ErrorCode.FLAG_NOT_FOUND);
    }

    @Test
    void otherTypeIsTypeMismatchWithTheDefault() {
        ProviderEvaluation<Integer> result = provider.getIntegerEvaluation("text", 3, new ImmutableContext());

        assertThat(result.getValue()).isEqualTo(3);
        assertThat(result.getErrorCode()).isEqualTo(ErrorCode.TYPE_MISMATCH);
    }

    @Test
    void metadataAndHooksAreConstants() {
        assertThat(provider.getMetadata()).isSameAs(provider.getMetadata());
        assertThat(provider.getProviderHooks())
                .isSameAs(provider.getProviderHooks())
                .isEmpty();
    }
}
