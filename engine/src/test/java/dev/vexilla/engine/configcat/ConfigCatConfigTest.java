package dev.vexilla.engine.configcat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vexilla.engine.FlagConfig;
import dev.vexilla.engine.FlagModel;
import dev.vexilla.model.ErrorKind;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.ResultReason;
import dev.vexilla.model.User;
import dev.vexilla.model.UserAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

final class ConfigCatConfigTest {

    private static final String CONFIG = ("{'p':{'u':'https://cdn.example.com','r':1,'s':'salt'},"
                    + "'s':[{'n':'Staff','r':[{'a':'Email','c':32,'l':['@example.com']}]}],'f':{"
                    + "'plain':{'t':0,'v':{'b':true},'i':'v-plain'},"
                    + "'rules':{'t':1,'r':["
                    + "{'c':[{'u':{'a':'Email','c':32,'l':['@example.com']}}],'s':{'v':{'s':'staff'},'i':'v-staff'}},"
                    + "{'c':[{'u':{'a':'Country','c':0,'l':['HU']}}],"
                    + "'p':[{'p':50,'v':{'s':'a'},'i':'v-a'},{'p':50,'v':{'s':'b'},'i':'v-b'}]}],"
                    + "'v':{'s':'default'},'i':'v-default'},"
                    + "'split':{'t':2,'p':[{'p':100,'v':{'i':7},'i':'v-7'}],'v':{'i':0}},"
                    + "'big':{'t':2,'v':{'i':5000000000}},"
                    + "'pi':{'t':3,'v':{'d':3.14}},"
                    + "'dependent':{'t':0,'r':[{'c':[{'p':{'f':'rules','c':0,'v':{'s':'staff'}}}],"
                    + "'s':{'v':{'b':true}}}],'v':{'b':false}},"
                    + "'segmented':{'t':0,'r':[{'c':[{'s':{'s':0,'c':0}}],'s':{'v':{'b':true}}}],'v':{'b':false}}"
                    + "}}")
            .replace('\'', '"');

    private static final User STAFF =
            User.builder().identifier("1").email("ada@example.com").build();
    private static final User HUNGARIAN =
            User.builder().identifier("2").country("HU").build();

    private final ConfigCatConfig config = TestData.parse(CONFIG);

    @Test
    void flagWithoutRulesIsStatic() {
        EvaluationResult r = config.evaluate("plain", null);

        assertThat(r.value()).isEqualTo(true);
        assertThat(r.variationId()).isEqualTo("v-plain");
        assertThat(r.reason()).isEqualTo(ResultReason.STATIC);
        assertThat(r.ruleIndex()).isEqualTo(EvaluationResult.NONE);
    }

    @Test
    void matchingRuleIsTargetingMatchWithItsIndex() {
        EvaluationResult r = config.evaluate("rules", STAFF);

        assertThat(r.value()).isEqualTo("staff");
        assertThat(r.variationId()).isEqualTo("v-staff");
        assertThat(r.reason()).isEqualTo(ResultReason.TARGETING_MATCH);
        assertThat(r.ruleIndex()).isZero();
        assertThat(r.optionIndex()).isEqualTo(EvaluationResult.NONE);
    }

    @Test
    void optionInsideRuleIsSplitWithRuleAndOptionIndexes() {
        EvaluationResult r = config.evaluate("rules", HUNGARIAN);

        assertThat(r.reason()).isEqualTo(ResultReason.SPLIT);
        assertThat(r.ruleIndex()).isEqualTo(1);
        assertThat(r.optionIndex()).isBetween(0, 1);
        assertThat(r.value()).isEqualTo(r.optionIndex() == 0 ? "a" : "b");
    }

    @Test
    void noRuleAppliedIsDefault() {
        EvaluationResult r = config.evaluate("rules", User.of("3"));

        assertThat(r.value()).isEqualTo("default");
        assertThat(r.reason()).isEqualTo(ResultReason.DEFAULT);
    }

    @Test
    void topLevelOptionIsSplit() {
        EvaluationResult r = config.evaluate("split", User.of("3"));

        assertThat(r.value()).isEqualTo(7);
        assertThat(r.reason()).isEqualTo(ResultReason.SPLIT);
        assertThat(r.optionIndex()).isZero();
        assertThat(r.ruleIndex()).isEqualTo(EvaluationResult.NONE);
    }

    @Test
    void successResultsArePrecomputedAndShared() {
        assertThat(config.evaluate("rules", STAFF)).isSameAs(config.evaluate("rules", STAFF));
        assertThat(config.evaluate("plain", STAFF)).isSameAs(config.evaluate("plain", null));
    }

    @Test
    void valuesAreTypedByTheSettingType() {
        assertThat(config.evaluate("big", null).value()).isEqualTo(5_000_000_000L);
        assertThat(config.evaluate("split", User.of("1")).value()).isInstanceOf(Integer.class);
        assertThat(config.evaluate("pi", null).value()).isEqualTo(3.14);
        assertThat(config.settingType("pi")).isEqualTo(SettingType.DOUBLE);
        assertThat(config.settingType("rules")).isEqualTo(SettingType.STRING);
        assertThat(config.settingType("nope")).isNull();
    }

    @Test
    void prerequisiteAndSegmentConditionsAreEvaluated() {
        assertThat(config.evaluate("dependent", STAFF).value()).isEqualTo(true);
        assertThat(config.evaluate("dependent", HUNGARIAN).value()).isEqualTo(false);
        assertThat(config.evaluate("segmented", STAFF).value()).isEqualTo(true);
        assertThat(config.evaluate("segmented", HUNGARIAN).value()).isEqualTo(false);
    }

    @Test
    void evaluateAllVisitsEveryKeyInOrder() {
        Map<String, Object> seen = new LinkedHashMap<>();
        config.evaluateAll(STAFF, (k, r) -> seen.put(k, r.value()));

        assertThat(seen.keySet()).containsExactlyElementsOf(config.keys());
        assertThat(seen).containsEntry("rules", "staff").containsEntry("dependent", true);
    }

    @Test
    void preferencesAreRead() {
        assertThat(config.preferences().baseUrl()).isEqualTo("https://cdn.example.com");
        assertThat(config.preferences().redirectMode()).isEqualTo(Preferences.RedirectMode.SHOULD_REDIRECT);
        assertThat(ConfigCatConfig.fromValues(Map.of()).preferences()).isEqualTo(Preferences.NONE);
    }

    @Test
    void contentHashIsStableAndFollowsContent() {
        assertThat(config.contentHash())
                .hasSize(64)
                .isEqualTo(TestData.parse(CONFIG).contentHash());
        assertThat(TestData.parse(CONFIG.replace("3.14", "3.15")).contentHash()).isNotEqualTo(config.contentHash());
    }

    @Test
    void simplifiedFormatInfersTypes() {
        ConfigCatConfig simple = TestData.parse(TestData.read("local-overrides/test-simple.json"));

        assertThat(simple.keys())
                .containsExactly("disabledFeature", "doubleSetting", "enabledFeature", "intSetting", "stringSetting");
        assertThat(simple.evaluate("enabledFeature", null).value()).isEqualTo(true);
        assertThat(simple.evaluate("intSetting", null).value()).isEqualTo(5);
        assertThat(simple.evaluate("doubleSetting", null).value()).isEqualTo(3.14);
        assertThat(simple.settingType("stringSetting")).isEqualTo(SettingType.STRING);
    }

    @Test
    void fromValuesAcceptsOnlySupportedTypes() {
        ConfigCatConfig values = ConfigCatConfig.fromValues(Map.of("a", true, "b", "x", "c", 4L, "d", 1.5));

        assertThat(values.evaluate("c", null).value()).isEqualTo(4);
        assertThat(values.evaluate("a", null).reason()).isEqualTo(ResultReason.STATIC);
        assertThat(values.contentHash())
                .isEqualTo(ConfigCatConfig.fromValues(Map.of("a", true, "b", "x", "c", 4L, "d", 1.5))
                        .contentHash());
        assertThatThrownBy(() -> ConfigCatConfig.fromValues(Map.of("e", new Object())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("flag 'e'");
    }

    @Test
    void overlayPicksTheWinningSide() {
        ConfigCatConfig local = ConfigCatConfig.fromValues(Map.of("plain", false, "extra", "x"));

        ConfigCatConfig localWins = config.overlay(local, OverrideBehaviour.LOCAL_OVER_REMOTE);
        ConfigCatConfig remoteWins = config.overlay(local, OverrideBehaviour.REMOTE_OVER_LOCAL);

        assertThat(localWins.evaluate("plain", null).value()).isEqualTo(false);
        assertThat(remoteWins.evaluate("plain", null).value()).isEqualTo(true);
        assertThat(localWins.keys()).contains("extra", "rules");
        assertThat(config.overlay(local, OverrideBehaviour.LOCAL_ONLY)).isSameAs(local);
        assertThat(localWins.preferences()).isEqualTo(config.preferences());
    }

    @Test
    void overlaidPrerequisiteIsLookedUpInTheMergedConfig() {
        ConfigCatConfig local = ConfigCatConfig.fromValues(Map.of("rules", "staff"));

        assertThat(config.overlay(local, OverrideBehaviour.LOCAL_OVER_REMOTE)
                        .evaluate("dependent", HUNGARIAN)
                        .value())
                .isEqualTo(true);
    }

    @Test
    void overlayReportsPrerequisiteProblemsOfTheMergedConfig() {
        ConfigCatConfig remote = TestData.parse(("{'f':{'dependent':{'t':0,'r':[{'c':[{'p':{'f':'base','c':0,"
                        + "'v':{'b':true}}}],'s':{'v':{'b':true}}}],'v':{'b':false}}}}")
                .replace('\'', '"'));
        ConfigCatConfig local = ConfigCatConfig.fromValues(Map.of("base", true));

        assertThat(remote.problems()).containsKey("dependent");
        assertThat(remote.overlay(local, OverrideBehaviour.REMOTE_OVER_LOCAL).problems())
                .isEmpty();
        assertThat(remote.overlay(local, OverrideBehaviour.REMOTE_OVER_LOCAL)
                        .evaluate("dependent", null)
                        .value())
                .isEqualTo(true);
    }

    @Test
    void changedKeysReportsAddedRemovedChangedAndDependentFlags() {
        String next = CONFIG.replace("\"staff\"},\"i\":\"v-staff\"", "\"crew\"},\"i\":\"v-staff\"")
                .replace("\"pi\":{\"t\":3,\"v\":{\"d\":3.14}},", "\"tau\":{\"t\":3,\"v\":{\"d\":6.28}},");

        assertThat(TestData.parse(next).changedKeys(config)).containsExactly("dependent", "pi", "rules", "tau");
        assertThat(TestData.parse(CONFIG).changedKeys(config)).isEmpty();
    }

    @Test
    void changedKeysFromAConfigOfAnotherModelAreEveryKeyOfBoth() {
        FlagConfig other = new OtherModelConfig(new TreeSet<>(Set.of("plain", "onlyThere")));

        assertThat(config.model()).isEqualTo(FlagModel.CONFIGCAT_V6);
        assertThat(config.changedKeys(other))
                .containsExactly("big", "dependent", "onlyThere", "pi", "plain", "rules", "segmented", "split");
    }

    /** A config of the other flag model: only its model and keys matter to {@code changedKeys}. */
    private static final class OtherModelConfig implements FlagConfig {
        private final Set<String> keys;

        OtherModelConfig(Set<String> keys) {
            this.keys = keys;
        }

        @Override
        public FlagModel model() {
            return FlagModel.DEVCYCLE_V2;
        }

        @Override
        public EvaluationResult evaluate(String key, @Nullable UserAttributes user) {
            return EvaluationResult.error(ErrorKind.FLAG_NOT_FOUND, key);
        }

        @Override
        public void evaluateAll(@Nullable UserAttributes user, BiConsumer<String, EvaluationResult> sink) {}

        @Override
        public Set<String> keys() {
            return keys;
        }

        @Override
        public Set<String> changedKeys(FlagConfig previous) {
            return new TreeSet<>(keys);
        }

        @Override
        public String contentHash() {
            return "0".repeat(64);
        }

        @Override
        public Map<String, String> problems() {
            return Map.of();
        }
    }

    @Test
    void throwingUserAttributesGiveAnErrorResultNotAnException() {
        dev.vexilla.model.UserAttributes broken = new dev.vexilla.model.UserAttributes() {
            @Override
            public String identifier() {
                return "1";
            }

            @Override
            public Object attribute(String name) {
                throw new IllegalStateException("context unavailable");
            }

            @Override
            public void forEachAttribute(java.util.function.BiConsumer<String, Object> action) {}
        };

        EvaluationResult r = config.evaluate("rules", broken);

        assertThat(r.errorKind()).isEqualTo(dev.vexilla.model.ErrorKind.GENERAL);
        assertThat(r.errorMessage()).contains("context unavailable");
        assertThat(config.evaluate("plain", broken).value()).isEqualTo(true);
    }

    @Test
    void emptyConfigHasNoKeys() {
        assertThat(ConfigCatConfig.empty().keys()).isEmpty();
        assertThat(ConfigCatConfig.empty().evaluate("x", null).isError()).isTrue();
    }
}
