package dev.vexilla.bench.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The users the DevCycle scenarios evaluate for: {@link #MAIN} for d1, d2, d4 and d5, and the
 * {@value BenchUsers#ROLLOUT_USER_COUNT} users d3 cycles through. Every user carries every field and custom-data key a
 * target of the scenario config reads, so no filter meets a missing value.
 */
public final class DevCycleUsers {

    /** The custom-data key holding a boolean (d4's seventh target reads it). */
    public static final String BETA_TESTER = "betaTester";

    /** The user of every DevCycle scenario but d3. */
    public static final DevCycleBenchUser MAIN = user("bench-user-0001", "ada@example.com");

    private static final List<DevCycleBenchUser> ROLLOUT_USERS = createRolloutUsers();

    private DevCycleUsers() {}

    /**
     * Returns the users of d3: {@value BenchUsers#ROLLOUT_USER_COUNT} distinct user ids, the same ids as the
     * ConfigCat scenarios' rollout users.
     *
     * @return an unmodifiable list in a fixed order
     */
    public static List<DevCycleBenchUser> rolloutUsers() {
        return ROLLOUT_USERS;
    }

    private static List<DevCycleBenchUser> createRolloutUsers() {
        List<DevCycleBenchUser> users = new ArrayList<>(BenchUsers.ROLLOUT_USER_COUNT);
        for (BenchUser u : BenchUsers.rolloutUsers()) {
            users.add(user(u.identifier(), u.email()));
        }
        return Collections.unmodifiableList(users);
    }

    private static DevCycleBenchUser user(String userId, String email) {
        Map<String, Object> customData = new LinkedHashMap<>();
        customData.put(BenchUsers.PLAN, "enterprise");
        customData.put(BenchUsers.SEATS, 42);
        customData.put(BenchUsers.ACCOUNT_AGE_DAYS, 365);
        customData.put(BETA_TESTER, true);
        return new DevCycleBenchUser(userId, email, "HU", "3.1.4", customData);
    }
}
