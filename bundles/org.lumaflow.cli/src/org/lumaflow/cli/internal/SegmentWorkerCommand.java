package org.lumaflow.cli.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.lumaflow.cli.CliCommand;
import org.lumaflow.cli.UsageException;
import org.lumaflow.export.internal.segment.WorkerMode;
import org.lumaflow.export.segment.SegmentedExporter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code lumaflow segment-worker PLAN INDEX} (hidden): what a local segment worker process runs. Encodes one segment
 * of a saved plan, printing {@code segment-progress N} lines, then {@code segment-done SHA256} or
 * {@code segment-failed WHY}.
 */
@Component(service = CliCommand.class)
public final class SegmentWorkerCommand implements CliCommand {

    @Reference
    private SegmentedExporter segmented;

    @Override
    public String name() {
        return "segment-worker";
    }

    @Override
    public String summary() {
        return ""; // internal: not listed by lumaflow help
    }

    @Override
    public String usage() {
        return """
                usage: lumaflow segment-worker PLAN INDEX
                  (internal) encodes segment INDEX of the segmented export planned in PLAN (plan.json in its
                  work folder) and commits it; started by lumaflow export --segments""";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (args.size() != 2) {
            throw new UsageException("expected PLAN INDEX, got " + args);
        }
        int index;
        try {
            index = Integer.parseInt(args.get(1));
        } catch (NumberFormatException e) {
            throw new UsageException("bad INDEX '" + args.get(1) + "': expected a segment number");
        }
        int code = WorkerMode.run(segmented, Path.of(args.get(0)), index, out);
        if (code != 0) {
            err.println("lumaflow segment-worker: segment " + index + " failed (see above)");
        }
        return code;
    }
}
