package dev.vexilla.engine.configcat;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An immutable key → flag map stored as one open-addressing array of flags (linear probing, load at most 3/4): a
 * lookup compares the probed flags' own keys, so there is no entry object per flag and no separate key array.
 * Iteration follows the order the flags were given in. Thread-safe (immutable once built).
 *
 * <p>The slot array is sized to the flags (the smallest length with load at most 3/4), not rounded up to a power of
 * two, which would waste up to half of it (16,384 slots for 10,000 flags instead of 13,334). A hash is mapped onto
 * that length by multiplying, not masking: the key's hash code is mixed (times a golden-ratio constant, so keys that
 * differ only in their last characters spread over the whole range) and its unsigned value scaled to
 * {@code [0, length)} by a 64-bit multiply and shift.
 */
final class FlagTable extends AbstractMap<String, Flag> {

    private static final int MIX = 0x9E3779B9;

    private final @Nullable Flag[] slots;
    private final Flag[] ordered;

    private FlagTable(Flag[] ordered) {
        this.ordered = ordered;
        this.slots = new Flag[Math.max(2, ordered.length + (ordered.length + 2) / 3)];
        for (Flag flag : ordered) {
            int i = slot(flag.key.hashCode());
            while (slots[i] != null) {
                if (slots[i].key.equals(flag.key)) {
                    throw new IllegalArgumentException("duplicate flag key '" + flag.key + "'");
                }
                i = next(i);
            }
            slots[i] = flag;
        }
    }

    /**
     * Builds a table over flags with distinct keys.
     *
     * @param ordered the flags, in iteration order; not copied, must not change
     * @return the table
     * @throws IllegalArgumentException if two flags have the same key
     */
    static FlagTable of(Flag[] ordered) {
        return new FlagTable(ordered);
    }

    /** The home slot of a hash code: mixed, then scaled onto the slot array's length. */
    private int slot(int hashCode) {
        return (int) (((hashCode * MIX) & 0xFFFF_FFFFL) * slots.length >>> Integer.SIZE);
    }

    private int next(int i) {
        int n = i + 1;
        return n == slots.length ? 0 : n;
    }

    @Override
    public @Nullable Flag get(@Nullable Object key) {
        if (!(key instanceof String)) {
            return null;
        }
        for (int i = slot(key.hashCode()); ; i = next(i)) {
            Flag flag = slots[i];
            if (flag == null || flag.key.equals(key)) {
                return flag;
            }
        }
    }

    @Override
    public boolean containsKey(@Nullable Object key) {
        return get(key) != null;
    }

    @Override
    public int size() {
        return ordered.length;
    }

    @Override
    public Set<Entry<String, Flag>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return ordered.length;
            }

            @Override
            public Iterator<Entry<String, Flag>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < ordered.length;
                    }

                    @Override
                    public Entry<String, Flag> next() {
                        if (next >= ordered.length) {
                            throw new NoSuchElementException();
                        }
                        Flag flag = ordered[next++];
                        return new SimpleImmutableEntry<>(flag.key, flag);
                    }
                };
            }
        };
    }
}
