package dev.vexilla.bench.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The four single-variable DevCycle scenarios (d1 to d4) as features of a config v2.
 *
 * <p>Each feature sets one variable and has two variations ({@code on}/{@code off}), except d4's, which has one
 * variation per target ({@code target-1} … {@code target-10}, serving {@code "target1"} … {@code "target10"}).
 */
final class DevCycleScenarioFeatures {

    /** A filter of d4 and whether it matches the scenario users. */
    private record Filter(ObjectNode node, boolean matches) {}

    /** d4's ten one-filter audiences, in target order; only the last matches {@link DevCycleUsers#MAIN}. */
    private static final List<Filter> D4_FILTERS = List.of(
            new Filter(DevCycleJson.customDataFilter(BenchUsers.SEATS, "Number", ">", List.of(100)), false),
            new Filter(DevCycleJson.userFilter(DevCycleBenchUser.APP_VERSION, ">", List.of("4.0.0")), false),
            new Filter(DevCycleJson.userFilter(DevCycleBenchUser.COUNTRY, "=", List.of("DE", "FR", "AT")), false),
            new Filter(DevCycleJson.userFilter(DevCycleBenchUser.EMAIL, "contain", List.of("+test", "qa.")), false),
            new Filter(DevCycleJson.customDataFilter(BenchUsers.PLAN, "String", "=", List.of("free")), false),
            new Filter(DevCycleJson.userFilter("user_id", "startWith", List.of("admin-", "test-")), false),
            new Filter(DevCycleJson.customDataFilter(DevCycleUsers.BETA_TESTER, "Boolean", "=", List.of(false)), false),
            new Filter(
                    DevCycleJson.userFilter(
                            DevCycleBenchUser.EMAIL, "endWith", List.of("@competitor.com", "@rival.org")),
                    false),
            new Filter(DevCycleJson.customDataFilter(BenchUsers.ACCOUNT_AGE_DAYS, "Number", "<=", List.of(7)), false),
            new Filter(DevCycleJson.userFilter(DevCycleBenchUser.APP_VERSION, ">=", List.of("3.0.0")), true));

    /** The distinct context attributes d4's targets read, in target order (see {@link DevCycleScenarios}). */
    static final List<String> D4_ATTRIBUTES = List.of(
            BenchUsers.SEATS,
            DevCycleBenchUser.APP_VERSION,
            DevCycleBenchUser.COUNTRY,
            DevCycleBenchUser.EMAIL,
            BenchUsers.PLAN,
            Scenarios.TARGETING_KEY,
            DevCycleUsers.BETA_TESTER,
            BenchUsers.ACCOUNT_AGE_DAYS);

    static final DevCycleFeature D1 = onOff(DevCycleScenarios.D1_BOOL, List.of(DevCycleJson.all()), true);

    static final DevCycleFeature D2 = onOff(
            DevCycleScenarios.D2_ONE_AUDIENCE,
            List.of(DevCycleJson.userFilter(DevCycleBenchUser.EMAIL, "endWith", List.of("@example.com"))),
            true);

    static final DevCycleFeature D3 = d3();

    static final DevCycleFeature D4 = d4();

    /** d1 to d4 in config order. */
    static final List<DevCycleFeature> ALL = List.of(D1, D2, D3, D4);

    private DevCycleScenarioFeatures() {}

    /** A feature setting one Boolean variable, {@code on} for the users its one target's audience matches. */
    private static DevCycleFeature onOff(String variableKey, List<ObjectNode> filters, boolean matches) {
        String key = variableKey + "-feature";
        DevCycleFeature.Variable variable =
                new DevCycleFeature.Variable(DevCycleJson.id("variable:" + variableKey), variableKey, "Boolean");
        DevCycleFeature.Variation on = variation(key, "on", variableKey, true);
        DevCycleFeature.Variation off = variation(key, "off", variableKey, false);
        DevCycleFeature.Target target = new DevCycleFeature.Target(
                targetId(key, 0), filters, matches, List.of(new DevCycleFeature.Share(on.id(), 1.0)));
        return new DevCycleFeature(
                DevCycleJson.id("feature:" + key), key, List.of(variable), List.of(on, off), List.of(target));
    }

    private static DevCycleFeature d3() {
        String variableKey = DevCycleScenarios.D3_SPLIT;
        String key = variableKey + "-feature";
        DevCycleFeature.Variable variable =
                new DevCycleFeature.Variable(DevCycleJson.id("variable:" + variableKey), variableKey, "Boolean");
        DevCycleFeature.Variation on = variation(key, "on", variableKey, true);
        DevCycleFeature.Variation off = variation(key, "off", variableKey, false);
        DevCycleFeature.Target target = new DevCycleFeature.Target(
                targetId(key, 0),
                List.of(DevCycleJson.all()),
                true,
                List.of(new DevCycleFeature.Share(on.id(), 0.5), new DevCycleFeature.Share(off.id(), 0.5)));
        return new DevCycleFeature(
                DevCycleJson.id("feature:" + key), key, List.of(variable), List.of(on, off), List.of(target));
    }

    private static DevCycleFeature d4() {
        String variableKey = DevCycleScenarios.D4_TEN_TARGETS;
        String key = variableKey + "-feature";
        DevCycleFeature.Variable variable =
                new DevCycleFeature.Variable(DevCycleJson.id("variable:" + variableKey), variableKey, "String");
        List<DevCycleFeature.Variation> variations = new ArrayList<>();
        List<DevCycleFeature.Target> targets = new ArrayList<>();
        for (int i = 0; i < D4_FILTERS.size(); i++) {
            int n = i + 1;
            DevCycleFeature.Variation variation = variation(key, "target-" + n, variableKey, "target" + n);
            variations.add(variation);
            Filter filter = D4_FILTERS.get(i);
            targets.add(new DevCycleFeature.Target(
                    targetId(key, i),
                    List.of(filter.node()),
                    filter.matches(),
                    List.of(new DevCycleFeature.Share(variation.id(), 1.0))));
        }
        return new DevCycleFeature(DevCycleJson.id("feature:" + key), key, List.of(variable), variations, targets);
    }

    static DevCycleFeature.Variation variation(
            String featureKey, String variationKey, String variableKey, Object value) {
        return new DevCycleFeature.Variation(
                DevCycleJson.id("variation:" + featureKey + ":" + variationKey),
                variationKey,
                Map.of(variableKey, value));
    }

    static String targetId(String featureKey, int index) {
        return DevCycleJson.id("target:" + featureKey + ":" + index);
    }
}
