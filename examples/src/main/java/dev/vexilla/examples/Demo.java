package dev.vexilla.examples;

/** The demo: evaluates flags locally and in the cloud, side by side. */
public final class Demo {
    private Demo() {}

    /**
     * Runs the demo.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.out.println("Vexilla demo not built yet: it arrives with the examples issue.");
    }
}
