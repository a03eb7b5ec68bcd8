package dev.vexilla.local.engine.internal;

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
 * <p>Entries are arrays indexed by the {@link AttributeIds attribute number} of the compiled condition; an entry
 * belongs to the current user when its stamp equals the current generation, so moving to another user costs one
 * increment, not a clearing pass. Names without a number are read directly.
 *
 * <p>One instance per thread, reused without allocating in the steady state: {@link #begin} claims it for one user
 * and {@link #end} releases it. A nested evaluation on the same thread (a sink or a user implementation evaluating
 * another flag) finds it claimed and reads its user directly. Not thread-safe by design: it never leaves the thread
 * that claimed it.
 */
final class AttributeReads implements UserAttributes {

    private static final ThreadLocal<AttributeReads> PER_THREAD = ThreadLocal.withInitial(AttributeReads::new);

    private static final int INITIAL_CAPACITY = 16;
    private static final Object ABSENT = new Object();

    /** The user of the evaluation that claimed the memo, or {@code null} while it is free. */
    private @Nullable UserAttributes user;

    /** The immutable user whose entries are still valid between evaluations, or {@code null}. */
    private @Nullable User kept;

    private int generation = 1;
    private int[] stamps = new int[INITIAL_CAPACITY];
    private @Nullable Object[] values = new Object[INITIAL_CAPACITY];
    private int[] versionStamps = new int[INITIAL_CAPACITY];
    private long[] layouts = new long[INITIAL_CAPACITY];
    private long[] cores = new long[INITIAL_CAPACITY];
    private @Nullable String[] versionTexts = new String[INITIAL_CAPACITY];

    /** The layout of the version {@link #version} returned last: negative when it is not a valid version. */
    long versionLayout;

    /** The packed core of the version {@link #version} returned last: -1 when invalid or too large to pack. */
    long versionCore;

    /** The numbers read in the current generation, to drop their values when it ends. */
    private int[] used = new int[INITIAL_CAPACITY];

    private int size;

    private AttributeReads() {}

    /**
     * Claims this thread's memo for a user.
     *
     * @param user the user whose reads are remembered
     * @return the memo, or {@code null} when this thread's memo is already claimed (a nested evaluation)
     */
    static @Nullable AttributeReads begin(UserAttributes user) {
        AttributeReads reads = PER_THREAD.get();
        if (reads.user != null) {
            return null;
        }
        if (user != reads.kept) {
            reads.forget();
        }
        reads.user = user;
        return reads;
    }

    /** Releases the memo; what was read from anything but a {@link User} is forgotten at once. */
    void end() {
        UserAttributes u = user;
        user = null;
        if (u instanceof User) {
            kept = (User) u;
        } else {
            forget();
        }
    }

    /** Starts a new generation and drops the values (and the user) the previous one referenced. */
    private void forget() {
        for (int i = 0; i < size; i++) {
            values[used[i]] = null;
            versionTexts[used[i]] = null;
        }
        size = 0;
        kept = null;
        if (++generation == Integer.MAX_VALUE) {
            Arrays.fill(stamps, 0);
            Arrays.fill(versionStamps, 0);
            generation = 1;
        }
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
        if (id >= stamps.length) {
            grow(id);
        }
        if (stamps[id] == generation) {
            Object value = values[id];
            return value == ABSENT ? null : value;
        }
        Object value = current().attribute(name);
        stamps[id] = generation;
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
        if (id < 0 || id >= stamps.length || stamps[id] != generation) {
            return parseVersion(value);
        }
        if (versionStamps[id] != generation) {
            versionTexts[id] = parseVersion(value);
            layouts[id] = versionLayout;
            cores[id] = versionCore;
            versionStamps[id] = generation;
            return versionTexts[id];
        }
        versionLayout = layouts[id];
        versionCore = cores[id];
        return versionTexts[id];
    }

    private String parseVersion(@Nullable Object value) {
        String text = value instanceof String ? ((String) value).trim() : "";
        long layout = SemVer.layout(text);
        versionLayout = layout;
        versionCore = layout < 0 ? -1 : SemVer.core(text, layout);
        return text;
    }

    /** Whether the current generation has read the attribute with this number (for tests). */
    boolean remembers(int id) {
        return id >= 0 && id < stamps.length && stamps[id] == generation;
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
        int capacity = Math.max(stamps.length * 2, Integer.highestOneBit(id) * 2);
        stamps = Arrays.copyOf(stamps, capacity);
        values = Arrays.copyOf(values, capacity);
        versionStamps = Arrays.copyOf(versionStamps, capacity);
        layouts = Arrays.copyOf(layouts, capacity);
        cores = Arrays.copyOf(cores, capacity);
        versionTexts = Arrays.copyOf(versionTexts, capacity);
        used = Arrays.copyOf(used, capacity);
    }
}
