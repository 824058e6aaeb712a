package org.lumaflow.export.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.lumaflow.export.ExportException;
import org.lumaflow.export.ExportJob;
import org.lumaflow.export.ExportResult;

/**
 * The waiting half of an {@link ExportJob}: completed with the result, or exceptionally with an ExportException.
 * Shared by the single-pass and the segmented exports.
 */
public abstract class FutureJob implements ExportJob {

    protected final CompletableFuture<ExportResult> done = new CompletableFuture<>();

    @Override
    public boolean isDone() {
        return done.isDone();
    }

    @Override
    public ExportResult await() throws ExportException, InterruptedException {
        try {
            return done.get();
        } catch (ExecutionException e) {
            throw (ExportException) e.getCause();
        }
    }

    @Override
    public ExportResult await(Duration timeout) throws ExportException, InterruptedException {
        try {
            return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw (ExportException) e.getCause();
        } catch (TimeoutException e) {
            return null;
        }
    }
}
