package dev.vexilla.engine.configcat;

import dev.vexilla.model.User;
import dev.vexilla.model.UserAttributes;
import java.util.Arrays;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Remembers what an evaluation learned about a user's attributes (the values read, and the semantic-version form of
 * a version text) so that a user is asked for each attribute once and a version is scanned once.
 *
 * <p>Why: once the comparison values are precompiled, reading and converting the user's attributes is the dominant
 * cost of a rule. Through OpenFeature every read walks the layered evaluation context and copies the {@code Value};
 * a flag such as "ten rules over seven attributes" reads the same attribute up to three times and parses the same
 * version text for each of its version conditions.
 *
 * <p>How long a read is remembered depends on the user. For any {@link UserAttributes} implementation, within one
 * evaluation or one evaluate-all pass: the next evaluation starts afresh, since such an implementation may change.
 * For a {@link User}, which is immutable, until this thread evaluates for another user: an application evaluating
 * several flags for one {@code User} reads and converts each attribute once. At most one such user (and the values
 * read from it) stays referenced per thread.
 *
 * <p>Entries are arrays indexed by the {@link AttributeIds attribute number} of the compiled condition, {@code null}
 * while unknown; moving to another user clears only the entries the previous one filled. Names without a number are
 * read directly.
 *
 * <p>Each thread's {@link EvaluationState} owns one instance and reuses it without allocating in the steady state:
 * {@link #claim} takes it for one user and {@link #release} gives it back. Not thread-safe by design: it never leaves
 * the thread of its state.
 */
final class AttributeReads implements UserAttributes {

    private static final int INITIAL_CAPACITY = 16;
    private static final Object ABSENT = new Object();

    /** The user of the evaluation that claimed the memo, or {@code null} while it is released. */
    private @Nullable UserAttributes user;

    /** The immutable user whose entries are still valid between evaluations, or {@code null}. */
    private @Nullable User kept;

    /** By attribute number: the value read ({@link #ABSENT} for none), or {@code null} while not read. */
    private @Nullable Object[] values = new Object[INITIAL_CAPACITY];

    private long[] layouts = new long[INITIAL_CAPACITY];
    private long[] cores = new long[INITIAL_CAPACITY];
    /** By attribute number: the trimmed version text, or {@code null} while not parsed; layouts and cores beside. */
    private @Nullable String[] versionTexts = new String[INITIAL_CAPACITY];

    /** The layout of the version {@link #version} returned last: negative when it is not a valid version. */
    long versionLayout;

    /** The packed core of the version {@link #version} returned last: -1 when invalid or too large to pack. */
    long versionCore;

    /** The numbers read since the memo last forgot, to clear just those entries. */
    private int[] used = new int[INITIAL_CAPACITY];

    private int size;

    /**
     * Takes the memo for a user: what it remembers of another user (or of any user that is not a {@link User}) is
     * forgotten first.
     *
     * @param user the user whose reads are remembered
     * @return this memo, reading from {@code user}
     */
    AttributeReads claim(UserAttributes user) {
        if (user != kept) {
            forget();
        }
        this.user = user;
        return this;
    }

    /** Gives the memo back; what was read from anything but a {@link User} is forgotten at once. */
    void release() {
        UserAttributes u = user;
        user = null;
        if (u instanceof User) {
            kept = (User) u;
        } else {
            forget();
        }
    }

    /** Forgets every entry, dropping the values (and the user) it referenced: only the entries used are cleared. */
    private void forget() {
        for (int i = 0; i < size; i++) {
            values[used[i]] = null;
            versionTexts[used[i]] = null;
        }
        size = 0;
        kept = null;
    }

    @Override
    public @Nullable String identifier() {
        return current().identifier();
    }

    @Override
    public @Nullable Object attribute(String name) {
        return attribute(AttributeIds.find(name), name);
    }

    /**
     * Returns an attribute, read from the user the first time it is asked for.
     *
     * @param id the attribute's {@link AttributeIds number}, or {@link AttributeIds#NONE}
     * @param name the attribute name
     * @return the value, or {@code null} when absent
     */
    @Nullable
    Object attribute(int id, String name) {
        if (id < 0) {
            return current().attribute(name);
        }
        if (id < values.length) {
            Object known = values[id];
            if (known != null) {
                return known == ABSENT ? null : known;
            }
        } else {
            grow(id);
        }
        Object value = current().attribute(name);
        values[id] = value == null ? ABSENT : value;
        used[size++] = id;
        return value;
    }

    /**
     * Returns the trimmed version text of an attribute value, and leaves its {@link SemVer#layout(String) layout} in
     * {@link #versionLayout} and its {@link SemVer#core(String, long) core} in {@link #versionCore}; computed once
     * per user and attribute.
     *
     * @param id the number of the attribute the value was read from (through {@link #attribute(int, String)})
     * @param value the value read
     * @return the trimmed text ({@code ""} for a value that is not a string)
     */
    String version(int id, @Nullable Object value) {
        if (id < 0 || id >= values.length || values[id] == null) {
            return parseVersion(value); // not read through this memo: nothing to keep it with
        }
        String text = versionTexts[id];
        if (text == null) {
            text = parseVersion(value);
            versionTexts[id] = text;
            layouts[id] = versionLayout;
            cores[id] = versionCore;
            return text;
        }
        versionLayout = layouts[id];
        versionCore = cores[id];
        return text;
    }

    private String parseVersion(@Nullable Object value) {
        String text = value instanceof String ? ((String) value).trim() : "";
        long layout = SemVer.layout(text);
        versionLayout = layout;
        versionCore = SemVer.core(text, layout);
        return text;
    }

    /** Whether the memo holds the attribute with this number for its current user (for tests). */
    boolean remembers(int id) {
        return id >= 0 && id < values.length && values[id] != null;
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

    private void grow(int id) {
        int capacity = Math.max(values.length * 2, Integer.highestOneBit(id) * 2);
        values = Arrays.copyOf(values, capacity);
        versionTexts = Arrays.copyOf(versionTexts, capacity);
        layouts = Arrays.copyOf(layouts, capacity);
        cores = Arrays.copyOf(cores, capacity);
        used = Arrays.copyOf(used, capacity);
    }
}
