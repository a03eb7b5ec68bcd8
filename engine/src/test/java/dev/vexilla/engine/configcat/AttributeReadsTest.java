package dev.vexilla.engine.configcat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vexilla.engine.ConfigParseException;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.User;
import dev.vexilla.model.UserAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

// Counts reads with the evaluation log off (the default), which these configs never turn on.
final class AttributeReadsTest {

    /** Three rules on appVersion, two on Email, one segment on Country, a prerequisite reading Email again. */
    private static final String CONFIG = ("{'p':{'s':'salt'},"
                    + "'s':[{'n':'Europe','r':[{'a':'Country','c':0,'l':['DE','FR']}]}],"
                    + "'f':{"
                    + "'rules':{'t':1,'r':["
                    + "{'c':[{'u':{'a':'Email','c':32,'l':['@competitor.com']}}],'s':{'v':{'s':'rival'}}},"
                    + "{'c':[{'u':{'a':'appVersion','c':6,'s':'2.0.0'}}],'s':{'v':{'s':'old'}}},"
                    + "{'c':[{'s':{'s':0,'c':0}}],'s':{'v':{'s':'europe'}}},"
                    + "{'c':[{'u':{'a':'appVersion','c':4,'l':['3.0.0','3.1.0']}}],'s':{'v':{'s':'listed'}}},"
                    + "{'c':[{'u':{'a':'Email','c':2,'l':['qa.']}}],'s':{'v':{'s':'qa'}}},"
                    + "{'c':[{'u':{'a':'appVersion','c':9,'s':'3.0.0'}}],'s':{'v':{'s':'current'}}}"
                    + "],'v':{'s':'none'}},"
                    + "'onlyOnce':{'t':0,'r':[{'c':[{'u':{'a':'Email','c':32,'l':['@example.com']}}],"
                    + "'s':{'v':{'b':true}}}],'v':{'b':false}},"
                    + "'dependent':{'t':0,'r':[{'c':[{'p':{'f':'onlyOnce','c':0,'v':{'b':true}}},"
                    + "{'u':{'a':'Email','c':2,'l':['ada']}}],'s':{'v':{'b':true}}}],'v':{'b':false}}"
                    + "}}")
            .replace('\'', '"');

    private static final ConfigCatConfig COMPILED = compile();

    private static ConfigCatConfig compile() {
        try {
            return ConfigCatConfig.parse(CONFIG);
        } catch (ConfigParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static User user(String version) {
        return User.builder()
                .identifier("u1")
                .email("ada@example.com")
                .country("US")
                .attribute("appVersion", version)
                .build();
    }

    @Test
    void aFlagReadsEachAttributeOnceAndAnswersAsWithoutTheMemo() {
        CountingUser counting = new CountingUser(user("3.4.0"));

        EvaluationResult result = COMPILED.evaluate("rules", counting);

        assertThat(result.value()).isEqualTo("current");
        assertThat(counting.reads)
                .containsEntry("appVersion", 1)
                .containsEntry("Email", 1)
                .containsEntry("Country", 1);
    }

    @Test
    void everyVersionLandsOnTheSameRuleWithAndWithoutTheMemo() {
        for (String version : List.of("1.0.0", "2.0.0", "3.0.0", "3.1.0", "3.0.1-rc.1", " 3.2.0 ", "bad", "")) {
            UserAttributes user = new CountingUser(user(version)); // not a User: its reads are memoised
            EvaluationResult memoised = COMPILED.evaluate("rules", user);
            EvaluationResult direct;
            // With this thread's state claimed, the evaluation is nested: it reads its user directly.
            EvaluationState claimed = EvaluationState.begin(User.empty(), true);
            try {
                direct = COMPILED.evaluate("rules", user);
            } finally {
                claimed.end();
            }

            assertThat(memoised).as(version).isSameAs(direct);
        }
    }

    @Test
    void anEvaluateAllPassReadsEachAttributeOnce() {
        CountingUser counting = new CountingUser(user("1.0.0"));
        Map<String, Object> values = new LinkedHashMap<>();

        COMPILED.evaluateAll(counting, (key, result) -> values.put(key, result.value()));

        assertThat(values)
                .containsEntry("rules", "old")
                .containsEntry("onlyOnce", true)
                .containsEntry("dependent", true);
        assertThat(counting.reads).containsEntry("Email", 1).containsEntry("appVersion", 1);
    }

    @Test
    void aNestedEvaluationOnTheSameThreadReadsItsOwnUser() {
        CountingUser outer = new CountingUser(user("3.0.0"));
        CountingUser inner = new CountingUser(
                User.builder().identifier("u2").email("bob@competitor.com").build());
        List<Object> nested = new ArrayList<>();

        COMPILED.evaluateAll(outer, (key, result) -> {
            if (key.equals("onlyOnce")) {
                nested.add(COMPILED.evaluate("rules", inner).value());
            }
        });

        assertThat(nested).containsExactly("rival");
        assertThat(COMPILED.evaluate("rules", outer).value()).isEqualTo("listed");
    }

    @Test
    void theMemoIsReleasedAfterAFailingUser() {
        UserAttributes failing = new CountingUser(user("3.0.0")) {
            @Override
            public @Nullable Object attribute(String name) {
                throw new IllegalStateException("broken user implementation");
            }
        };

        assertThat(COMPILED.evaluate("rules", failing).isError()).isTrue();
        assertThat(COMPILED.evaluate("rules", user("3.0.0")).value()).isEqualTo("listed");
        EvaluationState state = EvaluationState.begin(user("1.0.0"), true);
        assertThat(state.user).as("this thread's memo, released").isInstanceOf(AttributeReads.class);
        state.end();
    }

    @Test
    void namesNoConfigUsesAreReadDirectlyEachTime() {
        CountingUser counting =
                new CountingUser(User.builder().attribute("neverInAConfig", "v").build());
        AttributeReads reads = new AttributeReads().claim(counting);
        assertThat(reads.attribute("neverInAConfig")).isEqualTo("v");
        assertThat(reads.attribute("neverInAConfig")).isEqualTo("v");
        reads.release();
        assertThat(AttributeIds.find("neverInAConfig")).isEqualTo(AttributeIds.NONE);
        assertThat(counting.reads).containsEntry("neverInAConfig", 2);
    }

    @Test
    void aUsersReadsAreKeptUntilTheMemoIsClaimedForAnotherUser() {
        int version = AttributeIds.of("appVersion");
        User first = user("1.0.0");
        User second = user("1.0.0"); // equal, but another object: nothing is assumed from equality
        AttributeReads reads = new AttributeReads().claim(first);
        reads.attribute(version, "appVersion");
        reads.release();

        reads.claim(first);
        assertThat(reads.remembers(version)).as("same immutable user").isTrue();
        reads.release();
        reads.claim(second);
        assertThat(reads.remembers(version)).as("another user").isFalse();
        reads.release();
    }

    @Test
    void readsOfAnyOtherImplementationEndWithTheEvaluation() {
        int version = AttributeIds.of("appVersion");
        CountingUser counting = new CountingUser(user("1.0.0"));
        AttributeReads reads = new AttributeReads().claim(counting);
        reads.attribute(version, "appVersion");
        reads.release();

        reads.claim(counting);
        assertThat(reads.remembers(version)).as("may have changed since").isFalse();
        reads.release();
    }

    @Test
    void usersTakingTurnsOnOneThreadEachGetTheirOwnAnswers() {
        List<String> versions = List.of("1.0.0", "3.0.0", "3.1.0", "bad", "3.4.0", " 3.2.0 ", "2.0.0");
        List<Object> expected = new ArrayList<>();
        for (String v : versions) {
            expected.add(COMPILED.evaluate("rules", new CountingUser(user(v))).value()); // never kept
        }
        List<User> users = new ArrayList<>();
        versions.forEach(v -> users.add(user(v)));

        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < users.size(); i++) {
                User u = users.get(i);
                assertThat(COMPILED.evaluate("rules", u).value())
                        .as(versions.get(i))
                        .isEqualTo(expected.get(i));
                assertThat(COMPILED.evaluate("rules", u).value())
                        .as("again " + versions.get(i))
                        .isEqualTo(expected.get(i));
            }
        }
    }

    @Test
    void anAbsentAttributeIsRememberedAsAbsent() {
        CountingUser counting = new CountingUser(User.of("u"));
        AttributeReads reads = new AttributeReads().claim(counting);
        int plan = AttributeIds.of("plan");
        assertThat(reads.attribute(plan, "plan")).isNull();
        assertThat(reads.attribute(plan, "plan")).isNull();
        reads.release();
        assertThat(counting.reads).containsEntry("plan", 1);
    }

    @Test
    void outsideAnEvaluationTheMemoRefusesToRead() {
        AttributeReads reads = new AttributeReads().claim(user("1.0.0"));
        reads.release();

        assertThatThrownBy(() -> reads.attribute("Email")).isInstanceOf(IllegalStateException.class);
    }

    /** Counts how often each attribute is asked for. */
    private static class CountingUser implements UserAttributes {
        final Map<String, Integer> reads = new HashMap<>();
        private final UserAttributes delegate;

        CountingUser(UserAttributes delegate) {
            this.delegate = delegate;
        }

        @Override
        public @Nullable String identifier() {
            return delegate.identifier();
        }

        @Override
        public @Nullable Object attribute(String name) {
            reads.merge(name, 1, Integer::sum);
            return delegate.attribute(name);
        }

        @Override
        public void forEachAttribute(BiConsumer<String, Object> action) {
            delegate.forEachAttribute(action);
        }
    }
}
