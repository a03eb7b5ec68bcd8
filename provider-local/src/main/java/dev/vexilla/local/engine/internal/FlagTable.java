package dev.vexilla.local.engine.internal;

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
 */
public final class FlagTable extends AbstractMap<String, Flag> {

    private final @Nullable Flag[] slots;
    private final Flag[] ordered;
    private final int mask;

    private FlagTable(Flag[] ordered) {
        this.ordered = ordered;
        int capacity = Integer.highestOneBit(Math.max(2, ordered.length + (ordered.length + 2) / 3) * 2 - 1);
        this.slots = new Flag[capacity];
        this.mask = capacity - 1;
        for (Flag flag : ordered) {
            int i = spread(flag.key.hashCode()) & mask;
            while (slots[i] != null) {
                if (slots[i].key.equals(flag.key)) {
                    throw new IllegalArgumentException("duplicate flag key '" + flag.key + "'");
                }
                i = (i + 1) & mask;
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
    public static FlagTable of(Flag[] ordered) {
        return new FlagTable(ordered);
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }

    @Override
    public @Nullable Flag get(@Nullable Object key) {
        if (!(key instanceof String)) {
            return null;
        }
        for (int i = spread(key.hashCode()) & mask; ; i = (i + 1) & mask) {
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
