package dev.vexilla.engine.configcat;

/**
 * One compiled condition of a targeting rule or segment: a user condition, a segment condition or a prerequisite
 * flag condition. Immutable.
 */
abstract class Condition {

    /**
     * Describes the condition as ConfigCat's evaluation log does, for example
     * {@code User.Email CONTAINS ANY OF ['@example.com']}. Built only when a log asks for it.
     *
     * @return the text
     */
    abstract String describe();
}
