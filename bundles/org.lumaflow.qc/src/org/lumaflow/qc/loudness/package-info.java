/**
 * Loudness measurement (EBU R128) as {@code lumaflow qc} does it, for samples a caller has
 * ({@link org.lumaflow.qc.loudness.LoudnessMeter}). Not extension API yet (0.x): importers use {@code [0.1,0.2)}.
 */
@Version("0.1.0")
package org.lumaflow.qc.loudness;

import org.osgi.annotation.versioning.Version;
