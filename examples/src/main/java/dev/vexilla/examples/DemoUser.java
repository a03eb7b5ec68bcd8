package dev.vexilla.examples;

import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.Value;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One user of the demo: a short label for the table and the OpenFeature context evaluated for it.
 *
 * <p>Immutable and thread-safe.
 */
final class DemoUser {
    private final String label;
    private final EvaluationContext context;

    DemoUser(String label, EvaluationContext context) {
        this.label = Objects.requireNonNull(label, "label");
        this.context = Objects.requireNonNull(context, "context");
    }

    /**
     * Returns the demo's users: a free user, a pro user with an {@code @example.com} e-mail, a beta tester on an old
     * app version in Canada, and an anonymous context.
     *
     * @return the users, in table order
     */
    static List<DemoUser> all() {
        return List.of(
                new DemoUser(
                        "free user",
                        new ImmutableContext(
                                "user-free-1",
                                Map.of("email", new Value("sam@gmail.test"), "AppVersion", new Value("2.4.0")))),
                new DemoUser(
                        "pro user",
                        new ImmutableContext(
                                "user-pro-7",
                                Map.of(
                                        "email", new Value("ada@example.com"),
                                        "country", new Value("US"),
                                        "AppVersion", new Value("3.1.0")))),
                new DemoUser(
                        "beta, old app",
                        new ImmutableContext(
                                "user-beta-3",
                                Map.of(
                                        "email", new Value("lin@beta.vexilla.dev"),
                                        "country", new Value("CA"),
                                        "AppVersion", new Value("1.9.2")))),
                new DemoUser("anonymous", new ImmutableContext()));
    }

    String label() {
        return label;
    }

    EvaluationContext context() {
        return context;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DemoUser other && label.equals(other.label) && context.equals(other.context);
    }

    @Override
    public int hashCode() {
        return Objects.hash(label, context);
    }

    @Override
    public String toString() {
        return "DemoUser{" + label + "}";
    }
}
