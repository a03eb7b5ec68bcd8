package dev.vexilla.model;

import dev.openfeature.sdk.ImmutableMetadata;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * The flag metadata of one config snapshot, and the OpenFeature {@link ImmutableMetadata} built from it.
 *
 * <p>Every evaluation result carries {@value #VERSION} (the config's ETag or content hash), {@value #FLAG_SET_ID}
 * (a non-secret config id) and {@value #FETCH_TIME} (epoch milliseconds, a {@code Long}); when a targeting rule
 * matched or a percentage option was chosen it also carries {@value #RULE_INDEX} and/or
 * {@value #PERCENTAGE_OPTION_INDEX} (zero-based {@code Integer}s). A DevCycle result also carries, from its
 * {@link ResultDetail}, {@value #FEATURE_KEY}, {@value #FEATURE_ID}, {@value #VARIATION_ID}, {@value #VARIATION_KEY},
 * {@value #TARGET_ID} and {@value #EVAL_REASON_DETAILS} (each a {@code String}, present when the detail has it).
 *
 * <p>Build one instance per snapshot. {@link #metadata(int, int)} caches one {@code ImmutableMetadata} per distinct
 * (rule index, option index) pair up to {@link #MAX_CACHED_INDEX}, so after the first call for a pair an evaluation
 * allocates nothing for metadata. A provider may warm the cache when it compiles a config by calling
 * {@link #metadata(int, int)} for every pair its flags can produce. DevCycle metadata is cached per distinct
 * {@link ResultDetail}, up to {@link #MAX_CACHED_DETAILS} of them.
 *
 * <pre>{@code
 * FlagMetadata meta = FlagMetadata.of(etag, configId, clock.instant());
 * ProviderEvaluation<Boolean> eval = ResultMapper.booleanEvaluation(key, result, false, meta.metadataFor(result));
 * }</pre>
 *
 * <p>Instances are immutable (apart from the cache) and thread-safe; lookups are lock-free.
 *
 * @since 0.1.0
 */
public final class FlagMetadata {

    /** Metadata key of the config version (ETag or content hash); a {@code String}. */
    public static final String VERSION = "version";

    /** Metadata key of the non-secret config id; a {@code String}. */
    public static final String FLAG_SET_ID = "flagSetId";

    /** Metadata key of the time the config was fetched, in epoch milliseconds; a {@code Long}. */
    public static final String FETCH_TIME = "fetchTime";

    /** Metadata key of the matched targeting rule's zero-based index; an {@code Integer}. */
    public static final String RULE_INDEX = "ruleIndex";

    /** Metadata key of the chosen percentage option's zero-based index; an {@code Integer}. */
    public static final String PERCENTAGE_OPTION_INDEX = "percentageOptionIndex";

    /** Metadata key of the DevCycle feature's key; a {@code String}. */
    public static final String FEATURE_KEY = "featureKey";

    /** Metadata key of the DevCycle feature's id; a {@code String}. */
    public static final String FEATURE_ID = "featureId";

    /** Metadata key of the DevCycle variation's id; a {@code String}. */
    public static final String VARIATION_ID = "variationId";

    /** Metadata key of the DevCycle variation's key; a {@code String}. */
    public static final String VARIATION_KEY = "variationKey";

    /** Metadata key of the DevCycle target's id; a {@code String}. */
    public static final String TARGET_ID = "targetId";

    /** Metadata key of DevCycle's evaluation reason details text; a {@code String}. */
    public static final String EVAL_REASON_DETAILS = "evalReasonDetails";

    /** The most DevCycle details whose metadata is cached per snapshot; beyond it metadata is built on each call. */
    public static final int MAX_CACHED_DETAILS = 65_536;

    /** The largest rule or option index whose metadata is cached; larger ones are built on each call. */
    public static final int MAX_CACHED_INDEX = 255;

    private static final int SLOTS = MAX_CACHED_INDEX + 2;

    private final String version;
    private final String flagSetId;
    private final Instant fetchTime;
    private final ImmutableMetadata base;
    private final AtomicReferenceArray<@Nullable AtomicReferenceArray<@Nullable ImmutableMetadata>> cache =
            new AtomicReferenceArray<>(SLOTS);
    private final ConcurrentHashMap<ResultDetail, ImmutableMetadata> detailCache = new ConcurrentHashMap<>();

    private FlagMetadata(String version, String flagSetId, Instant fetchTime) {
        this.version = version;
        this.flagSetId = flagSetId;
        this.fetchTime = fetchTime;
        this.base = build(EvaluationResult.NONE, EvaluationResult.NONE);
    }

    /**
     * Creates the metadata of a config snapshot.
     *
     * @param version the config's ETag or content hash
     * @param flagSetId a non-secret id of the config (never the SDK key)
     * @param fetchTime when the config was fetched or loaded
     * @return the metadata
     */
    public static FlagMetadata of(String version, String flagSetId, Instant fetchTime) {
        return new FlagMetadata(
                Objects.requireNonNull(version, "version"),
                Objects.requireNonNull(flagSetId, "flagSetId"),
                Objects.requireNonNull(fetchTime, "fetchTime"));
    }

    /**
     * Returns the config version.
     *
     * @return the ETag or content hash
     */
    public String version() {
        return version;
    }

    /**
     * Returns the non-secret config id.
     *
     * @return the id
     */
    public String flagSetId() {
        return flagSetId;
    }

    /**
     * Returns the fetch time.
     *
     * @return when the config was fetched or loaded
     */
    public Instant fetchTime() {
        return fetchTime;
    }

    /**
     * Returns the metadata without rule or option index, for results that involved neither and for errors.
     *
     * @return the shared instance
     */
    public ImmutableMetadata metadata() {
        return base;
    }

    /**
     * Returns the metadata for a result.
     *
     * @param result the evaluation result
     * @return the cached metadata for the result's rule and option indexes
     */
    public ImmutableMetadata metadataFor(EvaluationResult result) {
        ResultDetail detail = result.detail();
        if (detail != null) {
            return metadataFor(detail);
        }
        return metadata(result.ruleIndex(), result.optionIndex());
    }

    /**
     * Returns the metadata for a DevCycle result detail, cached per distinct detail.
     *
     * @param detail the detail
     * @return the metadata with the config's keys and the detail's feature, variation, target and reason details
     * @since 0.2.0
     */
    public ImmutableMetadata metadataFor(ResultDetail detail) {
        ImmutableMetadata cached = detailCache.get(detail);
        if (cached != null) {
            return cached;
        }
        ImmutableMetadata built = build(detail);
        if (detailCache.size() < MAX_CACHED_DETAILS) {
            ImmutableMetadata raced = detailCache.putIfAbsent(detail, built);
            return raced != null ? raced : built;
        }
        return built;
    }

    private ImmutableMetadata build(ResultDetail detail) {
        ImmutableMetadata.ImmutableMetadataBuilder b = ImmutableMetadata.builder()
                .addString(VERSION, version)
                .addString(FLAG_SET_ID, flagSetId)
                .addLong(FETCH_TIME, fetchTime.toEpochMilli());
        addIfPresent(b, FEATURE_KEY, detail.featureKey());
        addIfPresent(b, FEATURE_ID, detail.featureId());
        addIfPresent(b, VARIATION_ID, detail.variationId());
        addIfPresent(b, VARIATION_KEY, detail.variationKey());
        addIfPresent(b, TARGET_ID, detail.targetId());
        b.addString(EVAL_REASON_DETAILS, detail.reasonDetails());
        return b.build();
    }

    private static void addIfPresent(ImmutableMetadata.ImmutableMetadataBuilder b, String key, @Nullable String v) {
        if (v != null) {
            b.addString(key, v);
        }
    }

    /**
     * Returns the metadata for a rule index and an option index, cached per pair.
     *
     * @param ruleIndex the matched rule's index, or {@link EvaluationResult#NONE}
     * @param optionIndex the chosen option's index, or {@link EvaluationResult#NONE}
     * @return the metadata; the same instance on every call for pairs up to {@link #MAX_CACHED_INDEX}
     * @throws IllegalArgumentException if an index is below {@link EvaluationResult#NONE}
     */
    public ImmutableMetadata metadata(int ruleIndex, int optionIndex) {
        if (ruleIndex < EvaluationResult.NONE || optionIndex < EvaluationResult.NONE) {
            throw new IllegalArgumentException(
                    "indexes must be >= -1, were ruleIndex=" + ruleIndex + ", optionIndex=" + optionIndex);
        }
        if (ruleIndex == EvaluationResult.NONE && optionIndex == EvaluationResult.NONE) {
            return base;
        }
        if (ruleIndex > MAX_CACHED_INDEX || optionIndex > MAX_CACHED_INDEX) {
            return build(ruleIndex, optionIndex);
        }
        AtomicReferenceArray<@Nullable ImmutableMetadata> row = cache.get(ruleIndex + 1);
        if (row == null) {
            cache.compareAndSet(ruleIndex + 1, null, new AtomicReferenceArray<>(SLOTS));
            row = Objects.requireNonNull(cache.get(ruleIndex + 1));
        }
        ImmutableMetadata cached = row.get(optionIndex + 1);
        if (cached == null) {
            row.compareAndSet(optionIndex + 1, null, build(ruleIndex, optionIndex));
            cached = Objects.requireNonNull(row.get(optionIndex + 1));
        }
        return cached;
    }

    private ImmutableMetadata build(int ruleIndex, int optionIndex) {
        ImmutableMetadata.ImmutableMetadataBuilder b = ImmutableMetadata.builder()
                .addString(VERSION, version)
                .addString(FLAG_SET_ID, flagSetId)
                .addLong(FETCH_TIME, fetchTime.toEpochMilli());
        if (ruleIndex != EvaluationResult.NONE) {
            b.addInteger(RULE_INDEX, ruleIndex);
        }
        if (optionIndex != EvaluationResult.NONE) {
            b.addInteger(PERCENTAGE_OPTION_INDEX, optionIndex);
        }
        return b.build();
    }

    /**
     * Turns metadata into a JSON-ready map (string, number and boolean values), for the wire.
     *
     * @param metadata the metadata
     * @return a new insertion-ordered map
     */
    public static Map<String, Object> toWire(ImmutableMetadata metadata) {
        return new LinkedHashMap<>(metadata.asUnmodifiableMap());
    }

    /**
     * Turns a metadata map read from the wire back into {@link ImmutableMetadata}. The well-known keys get their
     * documented types ({@value #FETCH_TIME} a {@code Long}, the indexes {@code Integer}s); other whole numbers become
     * {@code Integer} or {@code Long} by size, other numbers {@code Double}; values of other types are skipped.
     *
     * @param wire the map, may be {@code null}
     * @return the metadata; {@link ImmutableMetadata#EMPTY} for a null or empty map
     */
    public static ImmutableMetadata fromWire(@Nullable Map<String, ?> wire) {
        if (wire == null || wire.isEmpty()) {
            return ImmutableMetadata.EMPTY;
        }
        ImmutableMetadata.ImmutableMetadataBuilder b = ImmutableMetadata.builder();
        for (Map.Entry<String, ?> e : wire.entrySet()) {
            addWireValue(b, e.getKey(), e.getValue());
        }
        return b.build();
    }

    private static void addWireValue(ImmutableMetadata.ImmutableMetadataBuilder b, String key, @Nullable Object v) {
        if (v instanceof String) {
            b.addString(key, (String) v);
        } else if (v instanceof Boolean) {
            b.addBoolean(key, (Boolean) v);
        } else if (v instanceof Number) {
            Number n = (Number) v;
            boolean whole = !(v instanceof Double || v instanceof Float || v instanceof java.math.BigDecimal);
            if (FETCH_TIME.equals(key) && whole) {
                b.addLong(key, n.longValue());
            } else if (whole && n.longValue() >= Integer.MIN_VALUE && n.longValue() <= Integer.MAX_VALUE) {
                b.addInteger(key, n.intValue());
            } else if (whole) {
                b.addLong(key, n.longValue());
            } else {
                b.addDouble(key, n.doubleValue());
            }
        }
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof FlagMetadata)) {
            return false;
        }
        FlagMetadata that = (FlagMetadata) o;
        return version.equals(that.version) && flagSetId.equals(that.flagSetId) && fetchTime.equals(that.fetchTime);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, flagSetId, fetchTime);
    }

    @Override
    public String toString() {
        return "FlagMetadata{version=" + version + ", flagSetId=" + flagSetId + ", fetchTime=" + fetchTime + "}";
    }
}
