package dev.vexilla.local.engine.internal;

import dev.vexilla.model.UserAttributes;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Remembers the attribute reads of one evaluation (or one evaluate-all pass) so that a user is asked for each
 * attribute once, and a version text is scanned once however many SemVer conditions read it.
 *
 * <p>Why: reading an attribute is the dominant cost of a rule once the comparison values are precompiled. Through
 * OpenFeature every read walks the layered evaluation context and copies the {@code Value}; a flag such as "ten rules
 * over seven attributes" reads the same attribute up to three times. The memo turns the repeats into an identity
 * lookup in a small table.
 *
 * <p>One instance per thread, reused without allocating: {@link #begin} claims it for one user and {@link #end}
 * releases it, dropping every reference it took. A nested evaluation on the same thread (a sink or a user
 * implementation evaluating another flag) finds it claimed and reads its user directly. Keys are attribute names
 * compared by identity; the engine's names are canonical ({@link String#intern()}), and an equal name that is not
 * identical only costs a second entry, never a wrong answer. The table holds at most {@value #MAX_ENTRIES} names per
 * evaluation; further names are read without memo.
 *
 * <p>Not thread-safe by design: it never leaves the thread that claimed it.
 */
final class AttributeReads implements UserAttributes {

    private static final ThreadLocal<AttributeReads> PER_THREAD = ThreadLocal.withInitial(AttributeReads::new);

    private static final int CAPACITY = 64; // a power of two
    private static final int MAX_ENTRIES = 40;
    private static final Object ABSENT = new Object();
    private static final long LAYOUT_UNKNOWN = Long.MIN_VALUE;

    private final @Nullable String[] names = new String[CAPACITY];
    private final @Nullable Object[] values = new Object[CAPACITY];
    private final long[] layouts = new long[CAPACITY];
    private final int[] used = new int[MAX_ENTRIES];
    private int size;
    private @Nullable UserAttributes user;

    private AttributeReads() {}

    /**
     * Claims this thread's memo for a user.
     *
     * @param user the user whose reads are remembered until {@link #end()}
     * @return the memo, or {@code null} when this thread's memo is already claimed (a nested evaluation)
     */
    static @Nullable AttributeReads begin(UserAttributes user) {
        AttributeReads reads = PER_THREAD.get();
        if (reads.user != null) {
            return null;
        }
        reads.user = user;
        return reads;
    }

    /** Releases the memo and every reference it took (the user and its attribute values). */
    void end() {
        for (int i = 0; i < size; i++) {
            int slot = used[i];
            names[slot] = null;
            values[slot] = null;
        }
        size = 0;
        user = null;
    }

    @Override
    public @Nullable String identifier() {
        return current().identifier();
    }

    @Override
    public @Nullable Object attribute(String name) {
        int slot = slot(name);
        if (slot < 0) {
            return current().attribute(name);
        }
        Object value = values[slot];
        if (names[slot] == null) {
            value = current().attribute(name);
            remember(slot, name, value);
            return value;
        }
        return value == ABSENT ? null : value;
    }

    /**
     * Returns the {@link SemVer#layout(String)} of a version text read from an attribute, computed once per
     * evaluation.
     *
     * @param name the attribute the text was read from (already read through {@link #attribute(String)})
     * @param text the trimmed text
     * @return the layout, negative when the text is not a valid version
     */
    long semverLayout(String name, String text) {
        int slot = slot(name);
        if (slot < 0 || names[slot] == null) {
            return SemVer.layout(text);
        }
        long layout = layouts[slot];
        if (layout == LAYOUT_UNKNOWN) {
            layout = SemVer.layout(text);
            layouts[slot] = layout;
        }
        return layout;
    }

    @Override
    public void forEachAttribute(BiConsumer<String, Object> action) {
        current().forEachAttribute(action);
    }

    @Override
    public String toString() {
        return String.valueOf(user);
    }

    private UserAttributes current() {
        UserAttributes u = user;
        if (u == null) {
            throw new IllegalStateException("attribute memo used outside an evaluation");
        }
        return u;
    }

    /** The table slot holding {@code name}, or the free slot where it goes, or -1 when the table is full. */
    private int slot(String name) {
        int i = name.hashCode() & (CAPACITY - 1);
        while (true) {
            String held = names[i];
            if (held == name) {
                return i;
            }
            if (held == null) {
                return size < MAX_ENTRIES ? i : -1;
            }
            i = (i + 1) & (CAPACITY - 1);
        }
    }

    private void remember(int slot, String name, @Nullable Object value) {
        names[slot] = name;
        values[slot] = value == null ? ABSENT : value;
        layouts[slot] = LAYOUT_UNKNOWN;
        used[size++] = slot;
    }
}
