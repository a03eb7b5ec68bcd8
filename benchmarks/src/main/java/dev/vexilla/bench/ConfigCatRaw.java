package dev.vexilla.bench;

import com.configcat.ConfigCatClient;
import com.configcat.OverrideBehaviour;
import com.configcat.OverrideDataSourceBuilder;
import com.configcat.User;
import dev.vexilla.bench.scenario.BenchUser;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * ConfigCat's own Java SDK ({@code configcat-java-client}) evaluating the scenario config from a local file with
 * {@link OverrideBehaviour#LOCAL_ONLY}: no network, no fetcher, default log level. Users are built once in the setup.
 */
public class ConfigCatRaw extends ConfigV6EngineBench<User> {

    /** Set by {@link #open(String)}, before any evaluation. */
    private ConfigCatClient client;

    private @Nullable Path file;

    @Override
    protected void open(String configJson) throws Exception {
        file = ScenarioFiles.write("configcat", configJson);
        client = localOnlyClient(file);
    }

    @Override
    protected User user(BenchUser user) {
        return configCatUser(user);
    }

    @Override
    protected boolean booleanValue(String key, User user) {
        return client.getValue(Boolean.class, key, user, false);
    }

    @Override
    protected String stringValue(String key, User user) {
        return client.getValue(String.class, key, user, "");
    }

    @Override
    protected Map<String, ?> allValues(User user) {
        return client.getAllValues(user);
    }

    @Override
    protected void close() throws Exception {
        if (client != null) {
            client.close();
        }
        ScenarioFiles.delete(file);
    }

    /**
     * Creates a ConfigCat client on a config file, {@code LOCAL_ONLY}, under an SDK key no other state uses
     * (clients are singletons per key).
     *
     * @param file the config JSON v6 file
     * @return the client
     */
    static ConfigCatClient localOnlyClient(Path file) {
        return ConfigCatClient.get(
                ScenarioFiles.uniqueSdkKey(),
                options -> options.flagOverrides(
                        OverrideDataSourceBuilder.localFile(file.toString(), false), OverrideBehaviour.LOCAL_ONLY));
    }

    /**
     * Converts a scenario user into a ConfigCat user with typed custom attributes.
     *
     * @param user the scenario user
     * @return the ConfigCat user
     */
    static User configCatUser(BenchUser user) {
        return User.newBuilder()
                .email(user.email())
                .country(user.country())
                .custom(user.custom())
                .build(user.identifier());
    }
}
