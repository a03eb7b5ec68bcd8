package dev.vexilla.engine.devcycle;

import dev.vexilla.model.DevCycleFields;
import dev.vexilla.model.UserAttributes;
import org.jspecify.annotations.Nullable;

/**
 * The user fields a DevCycle {@code user} filter reads by {@code subType}, where each comes from, and the text DevCycle
 * names it by in its reason details. {@code platform} and {@code platformVersion} are the SDK's, not the user's.
 */
enum UserField {
    USER_ID("user_id", "User ID"),
    EMAIL("email", "Email"),
    COUNTRY("country", "Country"),
    DEVICE_MODEL("deviceModel", "Device Model"),
    PLATFORM("platform", "Platform"),
    APP_VERSION("appVersion", "App Version"),
    PLATFORM_VERSION("platformVersion", "Platform Version");

    private static final UserField[] ALL = values();

    final String subType;
    final String details;

    UserField(String subType, String details) {
        this.subType = subType;
        this.details = details;
    }

    static @Nullable UserField of(String subType) {
        for (UserField f : ALL) {
            if (f.subType.equals(subType)) {
                return f;
            }
        }
        return null;
    }

    /** Tells whether the field holds a version ({@code appVersion}, {@code platformVersion}). */
    boolean isVersion() {
        return this == APP_VERSION || this == PLATFORM_VERSION;
    }

    /**
     * Reads the field.
     *
     * @param user the user
     * @param env the environment (platform data)
     * @return the text, or {@code null} when absent or not a string
     */
    @Nullable
    String read(UserAttributes user, DevCycleEnvironment env) {
        switch (this) {
            case USER_ID:
                return user.identifier();
            case EMAIL:
                return text(user.attribute(UserAttributes.EMAIL));
            case COUNTRY:
                return text(user.attribute(UserAttributes.COUNTRY));
            case DEVICE_MODEL:
                return text(user.attribute(DevCycleFields.DEVICE_MODEL));
            case PLATFORM:
                return env.platform();
            case APP_VERSION:
                return text(user.attribute(DevCycleFields.APP_VERSION));
            default:
                return env.platformVersion();
        }
    }

    private static @Nullable String text(@Nullable Object value) {
        return value instanceof String ? (String) value : null;
    }
}
