/**
 * Quality control: {@link org.lumaflow.qc.QcService} (signal statistics, detectors, comparisons, reports) and its
 * value types. Not extension API yet (0.x): importers use {@code [0.2,0.3)}. 0.2 added settable thresholds and
 * presets ({@link org.lumaflow.qc.QcOptions#preset}, {@link org.lumaflow.qc.QcOptions#with}) and the thresholds a
 * report was made with ({@link org.lumaflow.qc.QcReport#options()}).
 */
@Version("0.3.0")
package org.lumaflow.qc;

import org.osgi.annotation.versioning.Version;
