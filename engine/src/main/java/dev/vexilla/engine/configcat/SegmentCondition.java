package dev.vexilla.engine.configcat;

import org.jspecify.annotations.Nullable;

/** A compiled segment condition: IS IN / IS NOT IN a segment resolved at compile time. Immutable. */
final class SegmentCondition extends Condition {
    final @Nullable Segment segment;
    final boolean negated;
    /** Why the comparator is invalid (raised before anything else), or {@code null}. */
    final @Nullable String comparatorMessage;
    /** Why the segment reference is invalid (raised once a user is present), or {@code null}. */
    final @Nullable String referenceMessage;

    SegmentCondition(
            @Nullable Segment segment,
            boolean negated,
            @Nullable String comparatorMessage,
            @Nullable String referenceMessage) {
        this.segment = segment;
        this.negated = negated;
        this.comparatorMessage = comparatorMessage;
        this.referenceMessage = referenceMessage;
    }

    static String comparatorText(boolean negated) {
        return negated ? "IS NOT IN SEGMENT" : "IS IN SEGMENT";
    }

    @Override
    String describe() {
        String name;
        if (segment == null) {
            name = "<invalid reference>";
        } else {
            name = segment.name.isEmpty() ? "<invalid name>" : segment.name;
        }
        return "User " + comparatorText(negated) + " '" + name + "'";
    }
}
