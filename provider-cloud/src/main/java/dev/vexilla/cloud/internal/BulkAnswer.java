package dev.vexilla.cloud.internal;

import java.util.Map;

/** The answer to an all-flags request: the answers by flag key and the exchange's outcome. */
public final class BulkAnswer {
    private final Map<String, RemoteAnswer> flags;
    private final RemoteAnswer exchange;

    BulkAnswer(Map<String, RemoteAnswer> flags, RemoteAnswer exchange) {
        this.flags = flags;
        this.exchange = exchange;
    }

    /**
     * Returns the answers by flag key.
     *
     * @return an unmodifiable map; empty when the exchange failed
     */
    public Map<String, RemoteAnswer> flags() {
        return flags;
    }

    /**
     * Returns the exchange's outcome (and its error when it failed).
     *
     * @return the outcome as an answer
     */
    public RemoteAnswer exchange() {
        return exchange;
    }
}
