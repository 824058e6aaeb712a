package org.lumaflow.export.internal;

import java.io.IOException;
import java.nio.file.Path;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.qc.QcOptions;
import org.lumaflow.qc.QcReport;
import org.lumaflow.qc.QcService;

/**
 * QC of an export, on the encoder's thread: each encoded 4:2:0 frame is sampled into the session's small proxy
 * (320x180 luma samples at 720p and above, see {@link QcService#session}) and measured there, a fraction of a
 * millisecond a frame; the export's frame is not held. At the end the report is written beside the output
 * ({@code OUT.qc.html}, {@code OUT.qc.json}).
 * <p>
 * No thread of its own: on a 2-core export an extra QC thread (with a queue of frames, or of proxies) cost 4-6% of
 * peak RSS through the C library's allocation arenas, while the analysis of a proxy costs the encoder thread less
 * than x264 waits for its own threads.
 */
final class QcFeed {

    private final QcService.Session session;
    private RuntimeException failure;

    QcFeed(QcService qc, String source, int width, int height, double fps, QcOptions options) {
        this.session = qc.session(source, width, height, fps,
                (options == null ? QcOptions.defaults() : options).withoutAudio());
    }

    /** Measures a frame (sampled now; no reference kept); false once QC has failed. */
    boolean add(Frame f, double seconds) {
        if (failure != null) {
            return false;
        }
        try {
            session.add(f, seconds);
            return true;
        } catch (RuntimeException e) {
            failure = e;
            return false;
        }
    }

    /**
     * Writes the report beside {@code output}; returns the HTML path, or null with the reason in {@code note[0]} when
     * QC failed.
     */
    Path finish(QcService qc, Path output, String[] note) throws InterruptedException {
        if (failure != null) {
            note[0] = "QC failed: " + (failure.getMessage() != null ? failure.getMessage() : failure.toString());
            return null;
        }
        QcReport r = session.finish();
        Path html = output.resolveSibling(output.getFileName() + ".qc.html");
        try {
            qc.writeJson(r, output.resolveSibling(output.getFileName() + ".qc.json"));
            qc.writeHtml(r, html);
        } catch (IOException e) {
            note[0] = "QC report not written: " + e.getMessage();
            return null;
        }
        return html;
    }

    /** Stops without a report (export failed or was cancelled): nothing is held, so nothing to release. */
    void abandon() {
        failure = new IllegalStateException("abandoned");
    }
}
