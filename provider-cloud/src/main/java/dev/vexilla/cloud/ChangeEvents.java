package dev.vexilla.cloud;

import dev.openfeature.sdk.ProviderEventDetails;
import dev.vexilla.cloud.internal.ChangeStream;
import dev.vexilla.cloud.internal.ResultCache;
import java.util.ArrayList;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Turns the change stream's reports into what a {@link CloudProvider} does about them: every (re)connection and every
 * announced change drops the cached answers, and every announced change that may alter a flag emits
 * {@code PROVIDER_CONFIGURATION_CHANGED}, with {@code flagsChanged} when the server listed the keys.
 *
 * <p>A change the server says altered no flag emits nothing, as {@code LocalProvider} emits nothing then. Nothing is
 * emitted once the provider is shut down. Called on the stream's listener thread; thread-safe.
 */
final class ChangeEvents implements ChangeStream.Listener {
    static final String MESSAGE = "config changed";
    static final String MESSAGE_UNLISTED = "config changed; the server did not say which flags";

    private final @Nullable ResultCache cache;
    private final BooleanSupplier closed;
    private final Consumer<ProviderEventDetails> emitter;

    /**
     * Creates the listener.
     *
     * @param cache the provider's result cache, or null when it has none
     * @param closed tells whether the provider is shut down
     * @param emitter emits a {@code PROVIDER_CONFIGURATION_CHANGED} event
     */
    ChangeEvents(@Nullable ResultCache cache, BooleanSupplier closed, Consumer<ProviderEventDetails> emitter) {
        this.cache = cache;
        this.closed = Objects.requireNonNull(closed, "closed");
        this.emitter = Objects.requireNonNull(emitter, "emitter");
    }

    @Override
    public void connected() {
        clearCache();
    }

    @Override
    public void configChanged(@Nullable Set<String> flagsChanged) {
        clearCache();
        if (closed.getAsBoolean() || (flagsChanged != null && flagsChanged.isEmpty())) {
            return;
        }
        ProviderEventDetails details = flagsChanged == null
                ? ProviderEventDetails.builder().message(MESSAGE_UNLISTED).build()
                : ProviderEventDetails.builder()
                        .flagsChanged(new ArrayList<>(flagsChanged))
                        .message(MESSAGE)
                        .build();
        emitter.accept(details);
    }

    private void clearCache() {
        ResultCache c = cache;
        if (c != null) {
            c.clear();
        }
    }
}
