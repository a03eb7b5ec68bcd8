package dev.vexilla.local.engine.internal;

import org.jspecify.annotations.Nullable;

/** A compiled segment condition: IS IN / IS NOT IN a segment resolved at compile time. Immutable. */
final class SegmentCondition extends Condition {
    final @Nullable Segment segment;
    final boolean negated;
    final boolean comparatorValid;

    SegmentCondition(@Nullable Segment segment, boolean negated, boolean comparatorValid) {
        this.segment = segment;
        this.negated = negated;
        this.comparatorValid = comparatorValid;
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
