package org.lumaflow.testsupport;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The set-up the test fragments share: start the product's bundles as the product does (so Declarative Services
 * registers their components) and wait for a service. Test infrastructure only; never part of the product.
 */
public final class OsgiTests {

    private OsgiTests() {
    }

    /**
     * Starts the bundle of {@code anchor} (a test class; its fragment's host) and every other {@code org.lumaflow.*}
     * bundle that is not a fragment, and returns a bundle context to look services up with.
     */
    public static BundleContext startAll(Class<?> anchor) throws BundleException {
        Bundle self = FrameworkUtil.getBundle(anchor);
        if (self == null) {
            throw new IllegalStateException(anchor.getName() + " is not loaded by an OSGi bundle");
        }
        if (self.getState() != Bundle.ACTIVE) {
            self.start();
        }
        BundleContext bc = self.getBundleContext();
        for (Bundle b : bc.getBundles()) {
            if (b.getSymbolicName().startsWith("org.lumaflow.") && b.getHeaders().get("Fragment-Host") == null
                    && b.getState() != Bundle.ACTIVE) {
                b.start();
            }
        }
        return bc;
    }

    /** The service of {@code type}, waiting up to 10 s for it; fails naming the type when none comes. */
    /**
     * The first {@code type} service that {@code matches} (e.g. a CLI command by name), waiting up to 20 s for it to
     * be registered.
     *
     * @throws IllegalStateException naming {@code what} when none matches in time
     */
    public static <T> T service(BundleContext bc, Class<T> type, java.util.function.Predicate<T> matches, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                for (org.osgi.framework.ServiceReference<T> r : bc.getServiceReferences(type, null)) {
                    T s = bc.getService(r);
                    if (s != null && matches.test(s)) {
                        return s;
                    }
                }
            } catch (org.osgi.framework.InvalidSyntaxException e) {
                throw new IllegalStateException(e); // no filter given: cannot happen
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no " + what + " registered within 20 s");
    }

    public static <T> T service(BundleContext bc, Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> t = new ServiceTracker<>(bc, type, null);
        t.open();
        T s = t.waitForService(10_000);
        if (s == null) {
            throw new IllegalStateException("no " + type.getName() + " service registered within 10 s");
        }
        return s;
    }
}
