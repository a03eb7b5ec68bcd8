package dev.vexilla.model;

import static dev.vexilla.model.Contexts.ctx;
import static dev.vexilla.model.Contexts.struct;
import static org.assertj.core.api.Assertions.assertThat;

import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class ContextViewTest {

    @Test
    void readingOneAttributeReadsOnlyThatKey() {
        RecordingContext rec = new RecordingContext(ctx("u", "plan", "pro", "seats", 3, "email", "a@b.c"));

        Object plan = ContextMapper.view(rec).attribute("plan");

        assertThat(plan).isEqualTo("pro");
        assertThat(rec.reads).containsExactly("plan");
        assertThat(rec.bulkCalls).isZero();
    }

    @Test
    void identifierUsesTheTargetingKeyOnly() {
        RecordingContext rec = new RecordingContext(ctx("u-9", "user_id", "other"));

        assertThat(ContextMapper.view(rec).attribute(UserAttributes.IDENTIFIER)).isEqualTo("u-9");
        assertThat(ContextMapper.view(rec).identifier()).isEqualTo("u-9");
        assertThat(rec.reads).isEmpty();
        assertThat(rec.targetingKeyReads).isEqualTo(2);
    }

    @Test
    void emailStopsAtTheFirstCandidateWithAValue() {
        RecordingContext rec = new RecordingContext(ctx("u", "Email", "a@b.c", "email", "x@y.z"));

        assertThat(ContextMapper.view(rec).attribute(UserAttributes.EMAIL)).isEqualTo("a@b.c");
        assertThat(rec.reads).containsExactly("Email");
    }

    @Test
    void missingTopLevelAttributeLooksIntoCustomDataThenPrivateCustomData() {
        RecordingContext rec =
                new RecordingContext(ctx("u", "customData", struct("a", 1), "privateCustomData", struct("ssn", "9")));

        assertThat(ContextMapper.view(rec).attribute("ssn")).isEqualTo("9");
        assertThat(rec.reads).containsExactly("ssn", "customData", "privateCustomData");
        assertThat(rec.bulkCalls).isZero();
    }

    @Test
    void customDataStructureIsReadOnceForSeveralAttributes() {
        RecordingContext rec = new RecordingContext(ctx("u", "customData", struct("a", 1, "b", "two")));
        UserAttributes view = ContextMapper.view(rec);

        assertThat(view.attribute("a")).isEqualTo(1);
        assertThat(view.attribute("b")).isEqualTo("two");
        assertThat(view.attribute("c")).isNull();

        assertThat(rec.reads).containsExactly("a", "customData", "b", "c", "privateCustomData");
    }

    @Test
    void forEachAttributeVisitsWhatToUserHolds() {
        EvaluationContext c = ctx("u", "email", "a@b.c", "customData", struct("plan", "pro"), "n", 2);
        Map<String, Object> seen = new LinkedHashMap<>();

        ContextMapper.view(c).forEachAttribute(seen::put);

        Map<String, Object> expected = new LinkedHashMap<>();
        ContextMapper.toUser(c).forEachAttribute(expected::put);
        assertThat(seen).containsExactlyEntriesOf(expected);
        assertThat(seen).containsEntry("Identifier", "u").containsEntry("Email", "a@b.c");
    }

    @Test
    void toStringShowsTheMappedUserWithoutPrivateValues() {
        String text = ContextMapper.view(ctx("u", "privateCustomData", struct("ssn", "secret-123")))
                .toString();

        assertThat(text).contains("u").doesNotContain("secret-123");
    }

    /** Delegates to a real context and records how it is read. */
    private static final class RecordingContext implements EvaluationContext {
        final EvaluationContext delegate;
        final List<String> reads = new ArrayList<>();
        int bulkCalls;
        int targetingKeyReads;

        RecordingContext(EvaluationContext delegate) {
            this.delegate = delegate;
        }

        @Override
        public String getTargetingKey() {
            targetingKeyReads++;
            return delegate.getTargetingKey();
        }

        @Override
        public EvaluationContext merge(EvaluationContext overridingContext) {
            return delegate.merge(overridingContext);
        }

        @Override
        public boolean isEmpty() {
            return delegate.isEmpty();
        }

        @Override
        public Set<String> keySet() {
            bulkCalls++;
            return delegate.keySet();
        }

        @Override
        public Value getValue(String key) {
            reads.add(key);
            return delegate.getValue(key);
        }

        @Override
        public Map<String, Value> asMap() {
            bulkCalls++;
            return delegate.asMap();
        }

        @Override
        public Map<String, Value> asUnmodifiableMap() {
            bulkCalls++;
            return delegate.asUnmodifiableMap();
        }

        @Override
        public Map<String, Object> asObjectMap() {
            bulkCalls++;
            return delegate.asObjectMap();
        }
    }
}
