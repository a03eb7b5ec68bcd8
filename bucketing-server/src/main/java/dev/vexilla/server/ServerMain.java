package dev.vexilla.server;

/** Entry point of {@code vexilla-server.jar}. */
public final class ServerMain {
    private ServerMain() {}

    /**
     * Starts the server.
     *
     * @param args command-line options
     */
    public static void main(String[] args) {
        System.err.println("vexilla-server is not built yet: it arrives with the bucketing-server issue.");
        System.exit(2);
    }
}
