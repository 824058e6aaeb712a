package org.lumaflow.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * A {@code lumaflow} sub-command, registered as an OSGi service (whiteboard): any bundle can add commands
 * (e.g. {@code probe}, {@code export}) without touching the CLI.
 */
public interface CliCommand {

    /** The word after {@code lumaflow} (lower case, unique). */
    String name();

    /** One line shown by {@code lumaflow help}. */
    String summary();

    /** Full usage text shown by {@code lumaflow help NAME} and on usage errors. */
    String usage();

    /**
     * Runs the command. Returns the process exit code: 0 on success, 2 for usage errors, 1 for other failures.
     * Errors are printed to {@code err} naming the bad input; progress goes to {@code err}, results to {@code out}.
     */
    int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}
