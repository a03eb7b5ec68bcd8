package dev.vexilla.engine.configcat;

/** A compiled segment: its name (the context salt of its hashed conditions) and its ANDed conditions. Immutable. */
final class Segment {
    final String name;
    final Condition[] conditions;

    Segment(String name, Condition[] conditions) {
        this.name = name;
        this.conditions = conditions;
    }
}
