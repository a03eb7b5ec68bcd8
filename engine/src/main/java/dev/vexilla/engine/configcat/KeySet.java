package dev.vexilla.engine.configcat;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/** The key set of a {@link ConfigCatConfig}: an unmodifiable sorted view over its flags, with no copy of its own. */
final class KeySet extends AbstractSet<String> {

    private final Flag[] ordered;
    private final Map<String, Flag> byKey;

    KeySet(Flag[] ordered, Map<String, Flag> byKey) {
        this.ordered = ordered;
        this.byKey = byKey;
    }

    @Override
    public boolean contains(Object o) {
        return o instanceof String && byKey.containsKey(o);
    }

    @Override
    public int size() {
        return ordered.length;
    }

    @Override
    public Iterator<String> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < ordered.length;
            }

            @Override
            public String next() {
                if (next >= ordered.length) {
                    throw new NoSuchElementException();
                }
                return ordered[next++].key();
            }
        };
    }
}
