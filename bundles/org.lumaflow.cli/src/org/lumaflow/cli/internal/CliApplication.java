package org.lumaflow.cli.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.lumaflow.cli.CliCommand;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/** The Equinox application {@code org.lumaflow.cli.app}: runs one CLI command and exits with its code. */
public final class CliApplication implements IApplication {

    /** Commands that must be present before dispatching (the ones this bundle provides). */
    private static final List<String> BUILT_IN = List.of("render", "nodes", "probe", "export");

    @Override
    public Object start(IApplicationContext context) throws Exception {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        context.applicationRunning();
        BundleContext bc = FrameworkUtil.getBundle(CliApplication.class).getBundleContext();
        ServiceTracker<CliCommand, CliCommand> tracker = new ServiceTracker<>(bc, CliCommand.class, null);
        tracker.open();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            List<CliCommand> commands = collect(tracker);
            while (!commands.stream().map(CliCommand::name).toList().containsAll(BUILT_IN)
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
                commands = collect(tracker);
            }
            if (commands.isEmpty()) {
                System.err.println("lumaflow: no commands are available (is org.apache.felix.scr started?)");
                return 1;
            }
            int code = new Cli(commands).run(Arrays.asList(args == null ? new String[0] : args), System.out, System.err);
            System.out.flush();
            return code;
        } finally {
            tracker.close();
        }
    }

    private static List<CliCommand> collect(ServiceTracker<CliCommand, CliCommand> tracker) {
        List<CliCommand> out = new ArrayList<>();
        ServiceReference<CliCommand>[] refs = tracker.getServiceReferences();
        if (refs != null) {
            for (ServiceReference<CliCommand> r : refs) {
                CliCommand c = tracker.getService(r);
                if (c != null) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    @Override
    public void stop() {
        // commands are short-lived; nothing to interrupt
    }
}
