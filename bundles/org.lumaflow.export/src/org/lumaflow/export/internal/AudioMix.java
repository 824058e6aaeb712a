package org.lumaflow.export.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.lumaflow.decoder.MediaException;
import org.lumaflow.decoder.MediaService;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.export.ExportSettings;
import org.lumaflow.export.audio.TimelineAudio;
import org.lumaflow.qc.loudness.LoudnessMeter;

/**
 * The export's view of the timeline's audio ({@link TimelineAudio}): 48 kHz stereo, mixed into the caller's reused
 * buffers, with the loudness normalisation of the settings applied as one gain over the whole export.
 */
final class AudioMix implements AutoCloseable {

    private final TimelineAudio audio;

    AudioMix(Timeline tl, Path baseDir, MediaService media) {
        this.audio = TimelineAudio.open(tl, baseDir, media);
    }

    /** Whether any clip is heard. */
    boolean present() {
        return audio.present();
    }

    /** Problems met while opening sources (reported as warnings). */
    List<String> problems() {
        return audio.problems();
    }

    /** Mixes timeline samples {@code [from, from + n)} into {@code left}/{@code right}. */
    void mix(long from, int n, float[] left, float[] right) throws MediaException {
        audio.render(from, n, left, right);
    }

    /**
     * Applies {@code target} to the samples {@code [from, to)} that will be exported: measures the mix (unclamped)
     * with QC's loudness meter, then sets the gain that reaches the target, lowered where the true peak would pass
     * the ceiling. Returns a note for the log (what was measured and applied), or null when {@code target} is null.
     */
    String normalize(ExportSettings.Loudness target, long from, long to) throws MediaException {
        if (target == null || !audio.present()) {
            return null;
        }
        LoudnessMeter meter = new LoudnessMeter();
        int step = TimelineAudio.SAMPLE_RATE / 10;
        float[] l = new float[step];
        float[] r = new float[step];
        audio.setClamp(false);
        try {
            for (long s = from; s < to; s += step) {
                int n = (int) Math.min(step, to - s);
                audio.render(s, n, l, r);
                meter.add(l, r, 0, n);
            }
        } finally {
            audio.setClamp(true);
        }
        LoudnessMeter.Result m = meter.result();
        if (!Double.isFinite(m.integrated())) {
            return "loudness: the mix is silent (below -70 LUFS); no gain applied";
        }
        double gain = target.targetLufs() - m.integrated();
        String capped = "";
        if (Double.isFinite(m.truePeak()) && m.truePeak() + gain > target.truePeakDbtp()) {
            gain = target.truePeakDbtp() - m.truePeak();
            capped = String.format(Locale.ROOT, "; lowered to keep the true peak at %.1f dBTP: %.1f LUFS instead of"
                    + " %.1f", target.truePeakDbtp(), m.integrated() + gain, target.targetLufs());
        }
        audio.setGainDb(gain);
        return String.format(Locale.ROOT, "loudness: mix measured %.1f LUFS, true peak %.1f dBTP; gain %+.1f dB to"
                + " %.1f LUFS%s", m.integrated(), m.truePeak(), gain, target.targetLufs(), capped);
    }

    /** Timeline sample at {@code ticks} (rounded down). */
    static long sampleAt(long ticks) {
        return TimelineAudio.sampleAt(ticks);
    }

    @Override
    public void close() {
        audio.close();
    }
}
