package dev.vexilla.bench.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The users the scenarios evaluate for.
 *
 * <p>{@link #MAIN} is the user of s1, s2, s4 and s5; s3 cycles through {@link #rolloutUsers()}. Every user carries
 * the same custom attributes so that a rule never meets a missing attribute (which some SDKs log at warning level,
 * and that would measure logging rather than evaluation).
 */
public final class BenchUsers {

    /** How many users s3 cycles through; a power of two so the benchmark can mask the index. */
    public static final int ROLLOUT_USER_COUNT = 1024;

    /** The custom attribute holding the plan name. */
    public static final String PLAN = "plan";

    /** The custom attribute holding a seat count (a number). */
    public static final String SEATS = "seats";

    /** The custom attribute holding the application version (a semantic version). */
    public static final String APP_VERSION = "appVersion";

    /** The custom attribute holding the account age in days (a number). */
    public static final String ACCOUNT_AGE_DAYS = "accountAgeDays";

    /** The user of every scenario but s3. */
    public static final BenchUser MAIN = user("bench-user-0001", "ada@example.com");

    private static final List<BenchUser> ROLLOUT_USERS = createRolloutUsers();

    private BenchUsers() {}

    /**
     * Returns the users of s3, {@value #ROLLOUT_USER_COUNT} of them with distinct identifiers.
     *
     * @return an unmodifiable list in a fixed order
     */
    public static List<BenchUser> rolloutUsers() {
        return ROLLOUT_USERS;
    }

    private static List<BenchUser> createRolloutUsers() {
        List<BenchUser> users = new ArrayList<>(ROLLOUT_USER_COUNT);
        for (int i = 0; i < ROLLOUT_USER_COUNT; i++) {
            String id = String.format("rollout-user-%04d", i);
            users.add(user(id, id + "@example.com"));
        }
        return Collections.unmodifiableList(users);
    }

    private static BenchUser user(String identifier, String email) {
        Map<String, Object> custom = new LinkedHashMap<>();
        custom.put(PLAN, "enterprise");
        custom.put(SEATS, 42);
        custom.put(APP_VERSION, "3.1.4");
        custom.put(ACCOUNT_AGE_DAYS, 365);
        return new BenchUser(identifier, email, "Hungary", custom);
    }
}
