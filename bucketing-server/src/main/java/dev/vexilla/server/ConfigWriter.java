package dev.vexilla.server;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The write side of a config source, used by the admin API ({@link AdminRoutes}): stores configs that the engine has
 * already validated, keeps their history, maps SDK keys (as digests) to configs and records an audit trail. A write
 * that returns has been stored and made visible to the serving {@link ConfigStore} of this server; other servers on
 * the same source follow through the source's change notification.
 *
 * <p>Failure policy: a conditional write whose expected ETag is not the current one throws {@link Conflict} and
 * changes nothing; a source that cannot be reached throws {@link Unavailable} and changes nothing. Thread-safe.
 */
interface ConfigWriter {

    /** How many versions of a config the history keeps at least. */
    int HISTORY = 50;

    /** How many audit entries are kept. */
    int AUDIT = 1000;

    /**
     * The result of a write.
     *
     * @param config the version now current
     * @param created true when the config did not exist before
     */
    record Written(StoredConfig config, boolean created) {}

    /**
     * One entry of a config's history.
     *
     * @param etag the version's ETag
     * @param acceptedAt when it was accepted
     * @param actor who wrote it (the admin token's label)
     */
    record Version(String etag, Instant acceptedAt, String actor) {}

    /**
     * One audit entry.
     *
     * @param actor the label of the admin token used
     * @param at when
     * @param action the method and route template, e.g. {@code PUT /admin/v1/configs/{name}}
     * @param config the config concerned
     * @param target the key id for key operations, else null
     * @param oldEtag the ETag before, null when there was none
     * @param newEtag the ETag after, null when there is none
     */
    record AuditEntry(
            String actor,
            Instant at,
            String action,
            String config,
            @Nullable String target,
            @Nullable String oldEtag,
            @Nullable String newEtag) {}

    /** A conditional write lost: the config's current ETag is not the expected one. */
    final class Conflict extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** @param message what was expected and found */
        Conflict(String message) {
            super(message, null, false, false);
        }
    }

    /** The source cannot be reached; nothing was changed. */
    final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /**
         * @param message a client-safe reason (no passwords, no paths)
         * @param cause the failure
         */
        Unavailable(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Lists the current version of every config.
     *
     * @return the configs, sorted by name
     */
    List<StoredConfig> list();

    /**
     * Reads the current version of a config.
     *
     * @param name the config name
     * @return the version, empty when there is no such config
     */
    Optional<StoredConfig> read(String name);

    /**
     * Stores a new version of a config (already validated) and makes it current.
     *
     * @param name the config name
     * @param json the config bytes
     * @param ifMatch the ETag the caller expects to replace, or null for an unconditional write
     * @param actor who writes
     * @param action the audited route
     * @return the stored version and whether the config is new
     * @throws Conflict when {@code ifMatch} is not the current ETag
     */
    Written put(String name, byte[] json, @Nullable String ifMatch, String actor, String action);

    /**
     * Returns a config's history, newest first.
     *
     * @param name the config name
     * @return at least the last {@value #HISTORY} versions, empty when it never existed
     */
    List<Version> versions(String name);

    /**
     * Reads the bytes of a version from the history.
     *
     * @param name the config name
     * @param etag the version's ETag
     * @return the bytes, empty when that version is not kept
     */
    Optional<byte[]> version(String name, String etag);

    /**
     * Stops serving a config (its history stays).
     *
     * @param name the config name
     * @param ifMatch the expected current ETag, or null
     * @param actor who deletes
     * @return the removed version, empty when there was no such config
     * @throws Conflict when {@code ifMatch} is not the current ETag
     */
    Optional<StoredConfig> delete(String name, @Nullable String ifMatch, String actor);

    /**
     * Maps a key (as a digest) to a config.
     *
     * @param key the digested key
     * @param actor who adds it
     * @throws Conflict when the key is already mapped
     */
    void addKey(SdkKeys.Digested key, String actor);

    /**
     * Lists the keys.
     *
     * @return every key as a digest
     */
    List<SdkKeys.Digested> keys();

    /**
     * Removes a key.
     *
     * @param keyId the key id ({@link SdkKeys.Digested#keyId()})
     * @param actor who removes it
     * @return true when a key was removed
     */
    boolean deleteKey(String keyId, String actor);

    /**
     * Returns the audit trail, newest first.
     *
     * @return at most {@value #AUDIT} entries
     */
    List<AuditEntry> audit();
}
