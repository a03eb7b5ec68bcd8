package dev.vexilla.local.internal.provider;

import dev.vexilla.model.UserAttributes;
import java.util.Map;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * A user whose own attributes are completed by the provider's client custom data (DevCycle's
 * {@code setClientCustomData}): an attribute the evaluation context gives wins over the client value of the same
 * name. Meant for one evaluation on one thread.
 */
final class ClientDataUser implements UserAttributes {

    private final UserAttributes user;
    private final Map<String, Object> clientData;

    ClientDataUser(UserAttributes user, Map<String, Object> clientData) {
        this.user = user;
        this.clientData = clientData;
    }

    @Override
    public @Nullable String identifier() {
        return user.identifier();
    }

    @Override
    public @Nullable Object attribute(String name) {
        Object own = user.attribute(name);
        return own != null ? own : clientData.get(name);
    }

    @Override
    public void forEachAttribute(BiConsumer<String, Object> action) {
        for (Map.Entry<String, Object> e : clientData.entrySet()) {
            if (user.attribute(e.getKey()) == null) {
                action.accept(e.getKey(), e.getValue());
            }
        }
        user.forEachAttribute(action);
    }
}
