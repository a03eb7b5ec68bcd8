package dev.vexilla.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a DevCycle evaluation adds to its {@link EvaluationResult}: the feature that served the variable, the variation
 * and target chosen, and DevCycle's evaluation reason with its details text.
 *
 * <p>A result that serves a variable has every part. A result that serves the caller's default because no target of
 * the feature took the user (DevCycle's "User Not Targeted") has the feature, reason {@link ResultReason#DEFAULT} and
 * no variation or target. A variable that no feature sets has no feature either.
 *
 * <p>Instances are immutable and thread-safe. An engine builds them when it compiles a config and shares them between
 * the results of one (target, variation) pair, so that an evaluation allocates nothing.
 *
 * <pre>{@code
 * ResultDetail detail = ResultDetail.builder()
 *         .feature("feature-id", "new-checkout", "release")
 *         .variation("variation-id", "treatment", "Treatment")
 *         .target("target-id")
 *         .reason(ResultReason.SPLIT, "Random Distribution | All Users")
 *         .build();
 * }</pre>
 *
 * @since 0.2.0
 */
public final class ResultDetail {

    /** DevCycle's details text of a user no target of the feature takes. */
    public static final String USER_NOT_TARGETED = "User Not Targeted";

    private final @Nullable String featureId;
    private final @Nullable String featureKey;
    private final @Nullable String featureType;
    private final @Nullable String variationId;
    private final @Nullable String variationKey;
    private final @Nullable String variationName;
    private final @Nullable String targetId;
    private final ResultReason reason;
    private final String reasonDetails;
    private final int hash;

    private ResultDetail(Builder b) {
        this.featureId = b.featureId;
        this.featureKey = b.featureKey;
        this.featureType = b.featureType;
        this.variationId = b.variationId;
        this.variationKey = b.variationKey;
        this.variationName = b.variationName;
        this.targetId = b.targetId;
        this.reason = b.reason;
        this.reasonDetails = b.reasonDetails;
        this.hash = Objects.hash(
                featureId,
                featureKey,
                featureType,
                variationId,
                variationKey,
                variationName,
                targetId,
                reason,
                reasonDetails);
    }

    /**
     * Returns a new builder, with reason {@link ResultReason#TARGETING_MATCH} and empty details until set.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the detail of a user that no target of a feature takes: reason {@link ResultReason#DEFAULT} and
     * details {@value #USER_NOT_TARGETED}.
     *
     * @param featureId the feature's id, or {@code null} when no feature sets the variable
     * @param featureKey the feature's key, or {@code null} when no feature sets the variable
     * @param featureType the feature's type, or {@code null} when no feature sets the variable
     * @return the detail
     */
    public static ResultDetail notTargeted(
            @Nullable String featureId, @Nullable String featureKey, @Nullable String featureType) {
        return builder()
                .feature(featureId, featureKey, featureType)
                .reason(ResultReason.DEFAULT, USER_NOT_TARGETED)
                .build();
    }

    /**
     * Returns the DevCycle id ({@code _id}) of the feature.
     *
     * @return the id, or {@code null} when no feature is involved
     */
    public @Nullable String featureId() {
        return featureId;
    }

    /**
     * Returns the key of the feature.
     *
     * @return the key, or {@code null} when no feature is involved
     */
    public @Nullable String featureKey() {
        return featureKey;
    }

    /**
     * Returns the type of the feature ({@code release}, {@code experiment}, {@code permission} or {@code ops}).
     *
     * @return the type, or {@code null} when no feature is involved
     */
    public @Nullable String featureType() {
        return featureType;
    }

    /**
     * Returns the DevCycle id ({@code _id}) of the variation served.
     *
     * @return the id, or {@code null} when no variation was served
     */
    public @Nullable String variationId() {
        return variationId;
    }

    /**
     * Returns the key of the variation served.
     *
     * @return the key, or {@code null} when no variation was served
     */
    public @Nullable String variationKey() {
        return variationKey;
    }

    /**
     * Returns the name of the variation served.
     *
     * @return the name, or {@code null} when no variation was served
     */
    public @Nullable String variationName() {
        return variationName;
    }

    /**
     * Returns the DevCycle id ({@code _id}) of the target that took the user.
     *
     * @return the id, or {@code null} when no target took the user
     */
    public @Nullable String targetId() {
        return targetId;
    }

    /**
     * Returns DevCycle's evaluation reason: {@link ResultReason#TARGETING_MATCH}, {@link ResultReason#SPLIT} (the
     * target has several distribution entries or a rollout) or {@link ResultReason#DEFAULT}.
     *
     * @return the reason, never null
     */
    public ResultReason reason() {
        return reason;
    }

    /**
     * Returns DevCycle's details text, such as {@code "Email AND Custom Data -> plan"} or
     * {@code "Random Distribution | All Users"}.
     *
     * @return the text, never null, possibly empty
     */
    public String reasonDetails() {
        return reasonDetails;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ResultDetail)) {
            return false;
        }
        ResultDetail that = (ResultDetail) o;
        return hash == that.hash
                && reason == that.reason
                && Objects.equals(featureId, that.featureId)
                && Objects.equals(featureKey, that.featureKey)
                && Objects.equals(featureType, that.featureType)
                && Objects.equals(variationId, that.variationId)
                && Objects.equals(variationKey, that.variationKey)
                && Objects.equals(variationName, that.variationName)
                && Objects.equals(targetId, that.targetId)
                && reasonDetails.equals(that.reasonDetails);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "ResultDetail{feature=" + featureKey + " (" + featureId + ", " + featureType + "), variation="
                + variationKey + " (" + variationId + ", " + variationName + "), target=" + targetId + ", reason="
                + reason + ", details=" + reasonDetails + "}";
    }

    /**
     * Builds a {@link ResultDetail}. Not thread-safe.
     *
     * @since 0.2.0
     */
    public static final class Builder {

        private @Nullable String featureId;
        private @Nullable String featureKey;
        private @Nullable String featureType;
        private @Nullable String variationId;
        private @Nullable String variationKey;
        private @Nullable String variationName;
        private @Nullable String targetId;
        private ResultReason reason = ResultReason.TARGETING_MATCH;
        private String reasonDetails = "";

        private Builder() {}

        /**
         * Sets the feature.
         *
         * @param id the feature's {@code _id}, or {@code null}
         * @param key the feature's key, or {@code null}
         * @param type the feature's type, or {@code null}
         * @return this builder
         */
        public Builder feature(@Nullable String id, @Nullable String key, @Nullable String type) {
            this.featureId = id;
            this.featureKey = key;
            this.featureType = type;
            return this;
        }

        /**
         * Sets the variation served.
         *
         * @param id the variation's {@code _id}, or {@code null}
         * @param key the variation's key, or {@code null}
         * @param name the variation's name, or {@code null}
         * @return this builder
         */
        public Builder variation(@Nullable String id, @Nullable String key, @Nullable String name) {
            this.variationId = id;
            this.variationKey = key;
            this.variationName = name;
            return this;
        }

        /**
         * Sets the target that took the user.
         *
         * @param id the target's {@code _id}, or {@code null}
         * @return this builder
         */
        public Builder target(@Nullable String id) {
            this.targetId = id;
            return this;
        }

        /**
         * Sets DevCycle's reason and details text.
         *
         * @param reason {@link ResultReason#TARGETING_MATCH}, {@link ResultReason#SPLIT} or
         *     {@link ResultReason#DEFAULT}
         * @param details the details text, possibly empty
         * @return this builder
         * @throws IllegalArgumentException if the reason is {@link ResultReason#ERROR}
         */
        public Builder reason(ResultReason reason, String details) {
            Objects.requireNonNull(reason, "reason");
            if (reason == ResultReason.ERROR) {
                throw new IllegalArgumentException("a result detail cannot have reason ERROR");
            }
            this.reason = reason;
            this.reasonDetails = Objects.requireNonNull(details, "details");
            return this;
        }

        /**
         * Builds the detail.
         *
         * @return a new immutable detail
         */
        public ResultDetail build() {
            return new ResultDetail(this);
        }
    }
}
