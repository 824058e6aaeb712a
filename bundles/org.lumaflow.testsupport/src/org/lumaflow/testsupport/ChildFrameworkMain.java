package org.lumaflow.testsupport;

import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * The main class of a child JVM started by {@link ChildFramework} (run outside OSGi, with only the Equinox jar and
 * this class on the class path): starts an Equinox framework with the bundles listed in a file (the test runtime's
 * own), and runs one {@code lumaflow} command in it, e.g. {@code worker --cluster ...}, as the product's CLI would;
 * the JVM exits with the command's exit code. No inner classes: this class file alone is copied for the child.
 * <p>
 * Arguments: {@code BUNDLES_FILE STORAGE_DIR COMMAND ARGS...}; lines of the bundles file are bundle locations, or
 * {@code prop:KEY=VALUE} framework properties.
 */
public final class ChildFrameworkMain {

    private ChildFrameworkMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> props = new HashMap<>();
        List<String> locations = new ArrayList<>();
        for (String l : Files.readAllLines(Path.of(args[0]))) {
            if (l.startsWith("prop:")) {
                int eq = l.indexOf('=');
                props.put(l.substring(5, eq), l.substring(eq + 1));
            } else if (!l.isBlank()) {
                locations.add(l);
            }
        }
        props.put("org.osgi.framework.storage", args[1]);
        props.put("org.osgi.framework.storage.clean", "onFirstInit");
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).iterator().next();
        Framework fw = factory.newFramework(props);
        fw.start();
        BundleContext bc = fw.getBundleContext();
        List<Bundle> installed = new ArrayList<>();
        for (String loc : locations) {
            try {
                installed.add(bc.installBundle(loc));
            } catch (BundleException e) {
                System.err.println("child-main: cannot install " + loc + ": " + e.getMessage());
            }
        }
        for (Bundle b : installed) {
            String n = b.getSymbolicName();
            if (b.getHeaders().get("Fragment-Host") == null
                    && (n.startsWith("org.lumaflow.") || n.equals("org.apache.felix.scr"))) {
                try {
                    b.start();
                } catch (BundleException e) {
                    System.err.println("child-main: cannot start " + n + ": " + e.getMessage());
                }
            }
        }
        String command = args[2];
        List<String> argv = Arrays.asList(args).subList(3, args.length);
        long deadline = System.nanoTime() + 30_000_000_000L;
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            seen.clear();
            ServiceReference<?>[] refs = bc.getAllServiceReferences("org.lumaflow.cli.CliCommand", null);
            for (ServiceReference<?> r : refs == null ? new ServiceReference<?>[0] : refs) {
                Object c = bc.getService(r);
                String name = (String) c.getClass().getMethod("name").invoke(c);
                seen.add(name);
                if (name.equals(command)) {
                    Method run = c.getClass().getMethod("run", List.class, PrintStream.class, PrintStream.class);
                    int code = (Integer) run.invoke(c, argv, System.out, System.err);
                    System.out.flush();
                    System.exit(code);
                }
            }
            Thread.sleep(50);
        }
        System.err.println("child-main: no command '" + command + "' within 30 s (have " + seen + ")");
        System.exit(3);
    }
}
