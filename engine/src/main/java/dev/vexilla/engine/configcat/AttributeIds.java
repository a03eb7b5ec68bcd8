package dev.vexilla.engine.configcat;

import dev.vexilla.model.UserAttributes;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Small dense numbers for the attribute names that compiled conditions read, so that {@link AttributeReads} can keep
 * what it learned about an attribute in plain arrays indexed by that number instead of a hash table.
 *
 * <p>Numbers are JVM-wide and never change: a name keeps its number across config snapshots and across providers,
 * which is what lets a memo survive a config change. The three well-known attributes are 0, 1 and 2. Only names
 * found in configs are numbered (never names taken from users), and at most {@value #LIMIT} of them; names beyond
 * the limit get {@link #NONE} and are simply read without memo.
 */
final class AttributeIds {

    /** The number of names that can be numbered. */
    static final int LIMIT = 1024;

    /** The number of a name that has none: it is read without memo. */
    static final int NONE = -1;

    static final int IDENTIFIER = 0;
    static final int EMAIL = 1;
    static final int COUNTRY = 2;

    private static final ConcurrentHashMap<String, Integer> IDS = new ConcurrentHashMap<>();

    static {
        IDS.put(UserAttributes.IDENTIFIER, IDENTIFIER);
        IDS.put(UserAttributes.EMAIL, EMAIL);
        IDS.put(UserAttributes.COUNTRY, COUNTRY);
    }

    private AttributeIds() {}

    /**
     * Returns the number of an attribute name without numbering it.
     *
     * @param name the attribute name
     * @return the number, or {@link #NONE} when the name has none
     */
    static int find(String name) {
        Integer id = IDS.get(name);
        return id != null ? id : NONE;
    }

    /**
     * Returns the number of an attribute name, numbering it on first use.
     *
     * @param name the attribute name, as written in a config
     * @return the number, 0 to {@value #LIMIT} - 1, or {@link #NONE} once the limit is reached
     */
    static int of(String name) {
        Integer id = IDS.get(name);
        if (id != null) {
            return id;
        }
        synchronized (IDS) {
            int size = IDS.size();
            return size < LIMIT ? IDS.computeIfAbsent(name, n -> size) : NONE;
        }
    }
}
