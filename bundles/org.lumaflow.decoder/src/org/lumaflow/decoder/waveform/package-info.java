/**
 * Waveform peaks of media files for drawing, computed in the background and cached
 * ({@link org.lumaflow.decoder.waveform.Waveforms}). Version 0.1.0; not extension API yet (0.x): importers use
 * {@code [0.1,0.2)}.
 */
package org.lumaflow.decoder.waveform;
