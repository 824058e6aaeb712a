package org.lumaflow.qc.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.lumaflow.decoder.AudioSource;
import org.lumaflow.decoder.MediaException;
import org.lumaflow.decoder.MediaInfo;
import org.lumaflow.decoder.MediaService;
import org.lumaflow.qc.AudioQc;
import org.lumaflow.qc.QcEvent;
import org.lumaflow.qc.QcException;
import org.lumaflow.qc.QcOptions;

/** Loudness (EBU R128) and silence of a file's first audio stream, in one decoding pass. */
final class AudioAnalysis {

    private AudioAnalysis() {
    }

    /**
     * The audio figures, or null when the file has no audio stream. Damage met while decoding (stepped over, its
     * samples silent) is added to {@code damage} as {@code damage} events.
     */
    static AudioQc of(MediaService media, Path file, QcOptions o, List<QcEvent> damage) throws QcException {
        try {
            MediaInfo info = media.probe(file);
            if (info.audio().isEmpty()) {
                return null;
            }
            SilenceDetector silence = new SilenceDetector(o.silenceDb(), o.silenceMinSeconds());
            Loudness.Result r;
            try (AudioSource src = media.openAudio(file)) {
                r = Loudness.measure(src, silence);
                FileAnalysis.Damage d = new FileAnalysis.Damage(10); // reports within 0.1 s form one event
                for (org.lumaflow.decoder.DecodeError e : src.errors()) {
                    d.add(org.lumaflow.core.time.Ticks.toSeconds(e.ticks()), "audio: " + e.message());
                }
                damage.addAll(d.events());
            }
            List<QcEvent> quiet = new ArrayList<>();
            for (SilenceDetector.Interval i : silence.intervals()) {
                quiet.add(new QcEvent("silence", i.start(), i.end(), String.format(Locale.ROOT, "below %.0f dB",
                        o.silenceDb())));
            }
            return new AudioQc(r.integrated(), r.range(), r.truePeak(), r.samplePeak(), quiet);
        } catch (MediaException e) {
            throw new QcException(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            // e.g. an audio stream of unknown length: the picture report stands without audio figures
            System.getLogger("org.lumaflow.qc").log(System.Logger.Level.WARNING, file + ": audio not measured: "
                    + e.getMessage());
            return null;
        }
    }
}
