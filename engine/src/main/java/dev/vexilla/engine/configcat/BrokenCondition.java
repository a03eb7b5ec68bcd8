package dev.vexilla.engine.configcat;

/**
 * A condition that could not be compiled (unknown comparator, wrong shape): evaluating it fails the flag with
 * ConfigCat's message, exactly when evaluation reaches it. Immutable.
 */
final class BrokenCondition extends Condition {
    final String message;

    BrokenCondition(String message) {
        this.message = message;
    }

    @Override
    String describe() {
        return "<invalid condition>";
    }
}
