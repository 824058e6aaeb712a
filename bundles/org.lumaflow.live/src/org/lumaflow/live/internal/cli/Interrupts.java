package org.lumaflow.live.internal.cli;

import java.lang.reflect.Proxy;

/**
 * Ctrl-C as a clean stop with exit code 0: while a session runs, SIGINT calls a handler (through the JDK's
 * {@code sun.misc.Signal}, found reflectively) instead of exiting the JVM; the previous handler comes back after.
 * Where the JDK offers no such hook the shutdown hook still stops the session (the JVM then exits with 130).
 */
final class Interrupts {

    private static Object previous;

    private Interrupts() {
    }

    static synchronized void onInterrupt(Runnable action) {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handler = Class.forName("sun.misc.SignalHandler");
            Object sig = signal.getConstructor(String.class).newInstance("INT");
            Object h = Proxy.newProxyInstance(handler.getClassLoader(), new Class<?>[] {handler}, (p, m, a) -> {
                if ("handle".equals(m.getName())) {
                    action.run();
                }
                return null;
            });
            previous = signal.getMethod("handle", signal, handler).invoke(null, sig, h);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            previous = null; // no signal API: the shutdown hook stops the session
        }
    }

    static synchronized void restore() {
        if (previous == null) {
            return;
        }
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handler = Class.forName("sun.misc.SignalHandler");
            Object sig = signal.getConstructor(String.class).newInstance("INT");
            signal.getMethod("handle", signal, handler).invoke(null, sig, previous);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // leave it
        }
        previous = null;
    }
}
