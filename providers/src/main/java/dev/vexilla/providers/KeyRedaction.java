package dev.vexilla.providers;

import dev.vexilla.model.SdkKeys;
import java.util.Collection;
import org.jspecify.annotations.Nullable;

/**
 * The last guard of the rule that no message shows an SDK key. The settings' own messages never include the key, but
 * a key pasted into the wrong setting ({@code VEXILLA_BASE_URL}, say) would be repeated by that setting's message, or
 * by a provider option's. Such a message is rewritten with the key redacted, and the cause chain that repeats it is
 * dropped.
 */
final class KeyRedaction {

    private KeyRedaction() {}

    /**
     * Returns the exception as it is when no message in its cause chain holds a key, or else a new exception of the
     * same kind whose message has each key redacted and which has no cause.
     *
     * @param failure an {@link IllegalArgumentException} or {@link IllegalStateException}
     * @param keys the SDK keys that may appear
     * @return the exception to throw
     */
    static RuntimeException redact(RuntimeException failure, Collection<String> keys) {
        if (!leaks(failure, keys)) {
            return failure;
        }
        String message = String.valueOf(failure.getMessage());
        for (String key : keys) {
            message = message.replace(key, SdkKeys.redact(key));
        }
        return failure instanceof IllegalStateException
                ? new IllegalStateException(message)
                : new IllegalArgumentException(message);
    }

    private static boolean leaks(Throwable failure, Collection<String> keys) {
        for (@Nullable Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && keys.stream().anyMatch(message::contains)) {
                return true;
            }
        }
        return false;
    }
}
