package dev.vexilla.engine.devcycle;

/**
 * A problem found while compiling one feature or audience: where (a JSON path) and why. It breaks only what contains
 * it. Thrown and caught within the compiler; never escapes the package.
 */
final class ConfigProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final String path;
    final String reason;

    ConfigProblem(String path, String reason) {
        super(path + ": " + reason, null, false, false);
        this.path = path;
        this.reason = reason;
    }
}
