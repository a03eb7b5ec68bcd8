package dev.vexilla.contract.devcycle;

import com.devcycle.sdk.server.common.model.DevCycleUser;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.MutableContext;
import dev.openfeature.sdk.MutableStructure;
import dev.openfeature.sdk.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * Seeded random users, each as DevCycle's SDK user and as the OpenFeature context {@code LocalProvider} maps to the
 * same engine user ({@code targetingKey} = user id; {@code email}, {@code country}, {@code appVersion};
 * {@code customData} and {@code privateCustomData} structures). Ids, e-mails, countries, app versions and custom data
 * are drawn from value sets that the contract configs' filters name, and from values they do not.
 */
final class GeneratedUsers {

    /** One user in both shapes. */
    record GeneratedUser(DevCycleUser sdkUser, EvaluationContext context) {
        @Override
        public String toString() {
            return sdkUser.toString();
        }
    }

    private static final String[] EMAILS = {
        "ada@vexilla.dev", "admin@corp.example", "grace@example.com", "sysadmin@shop.example", "bob@vexilla.dev.org"
    };
    private static final String[] COUNTRIES = {"CA", "FR", "DE", "ES", "US", "GB"};
    private static final String[] VERSIONS = {"1.9.9", "2.0.0", "2.10.1", "3.0", "10.0.0", "0.9"};
    private static final String[] PLANS = {"gold", "silver", "platinum", "free"};
    private static final String[] TIERS = {"pro", "free"};

    private GeneratedUsers() {}

    /**
     * Generates users.
     *
     * @param seed the random seed
     * @param count how many
     * @param ids user ids half of the users are drawn from (e.g. those a config's filters name), or none
     * @param data extra custom-data keys with the values to draw for them (e.g. those a config's filters name)
     * @return the users
     */
    static List<GeneratedUser> generate(long seed, int count, List<String> ids, Map<String, List<Object>> data) {
        Random random = new Random(seed);
        List<GeneratedUser> users = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = !ids.isEmpty() && random.nextBoolean()
                    ? ids.get(random.nextInt(ids.size()))
                    : "u-%04d".formatted(random.nextInt(2000));
            DevCycleUser.DevCycleUserBuilder sdk = DevCycleUser.builder().userId(id);
            MutableContext ctx = new MutableContext(id);
            String email = pick(random, EMAILS, 0.2);
            if (email != null) {
                sdk.email(email);
                ctx.add("email", email);
            }
            String country = pick(random, COUNTRIES, 0.15);
            if (country != null) {
                sdk.country(country);
                ctx.add("country", country);
            }
            String version = pick(random, VERSIONS, 0.2);
            if (version != null) {
                sdk.appVersion(version);
                ctx.add("appVersion", version);
            }
            Map<String, Object> custom = new LinkedHashMap<>();
            Map<String, Object> secret = new LinkedHashMap<>();
            putMaybe(random.nextBoolean() ? custom : secret, "plan", pick(random, PLANS, 0.3));
            putMaybe(custom, "tier", pick(random, TIERS, 0.3));
            if (random.nextDouble() < 0.6) {
                custom.put("seats", random.nextBoolean() ? random.nextInt(100) : random.nextInt(10000) / 100.0);
            }
            if (random.nextDouble() < 0.5) {
                custom.put("beta", random.nextBoolean());
            }
            if (random.nextDouble() < 0.3) {
                secret.put("employee", random.nextDouble() < 0.5);
            }
            for (Map.Entry<String, List<Object>> entry : data.entrySet()) {
                List<Object> values = entry.getValue();
                if (random.nextDouble() < 0.5) {
                    Object value = random.nextDouble() < 0.8 ? values.get(random.nextInt(values.size())) : "other";
                    (random.nextDouble() < 0.2 ? secret : custom).put(entry.getKey(), value);
                }
            }
            if (!custom.isEmpty()) {
                sdk.customData(custom);
                ctx.add("customData", structure(custom));
            }
            if (!secret.isEmpty()) {
                sdk.privateCustomData(secret);
                ctx.add("privateCustomData", structure(secret));
            }
            users.add(new GeneratedUser(sdk.build(), ctx));
        }
        return users;
    }

    private static void putMaybe(Map<String, Object> map, String key, @Nullable Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static @Nullable String pick(Random random, String[] values, double absent) {
        return random.nextDouble() < absent ? null : values[random.nextInt(values.length)];
    }

    private static MutableStructure structure(Map<String, Object> values) {
        MutableStructure structure = new MutableStructure();
        values.forEach((key, value) -> structure.add(key, Value.objectToValue(value)));
        return structure;
    }
}
