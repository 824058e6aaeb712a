package org.lumaflow.export.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.decoder.MediaService;
import org.lumaflow.engine.registry.ConverterRegistry;
import org.lumaflow.engine.registry.PixelConverter;
import org.lumaflow.engine.render.Engine;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.export.EncoderChoice;
import org.lumaflow.export.ExportException;
import org.lumaflow.export.ExportJob;
import org.lumaflow.export.ExportListener;
import org.lumaflow.export.ExportSettings;
import org.lumaflow.export.Exporter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.lumaflow.qc.QcService;

/** {@link Exporter} on the CPU engine and FFmpeg's encoders and muxers. */
@Component(service = Exporter.class)
public final class FFmpegExporter implements Exporter {

    private final Engine engine;
    private final ConverterRegistry converters;
    private final MediaService media;
    /** QC of exported frames (optional: the QC bundle may be absent) */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile QcService qc;

    /** DS and plain-Java constructor. */
    @Activate
    public FFmpegExporter(@Reference Engine engine, @Reference ConverterRegistry converters,
            @Reference MediaService media) {
        this.engine = engine;
        this.converters = converters;
        this.media = media;
    }

    @Override
    public List<EncoderChoice> candidates(String codec) {
        List<EncoderChoice> out = new ArrayList<>();
        for (String name : EncoderCatalog.candidates(codec)) {
            out.add(EncoderProbe.probe(name, codec));
        }
        return out;
    }

    /** The RGBA8 -> NV12 and -> I420 converters the pipeline feeds encoders with. */
    static Map<PixelFormat, PixelConverter> converters(ConverterRegistry converters) throws ExportException {
        Map<PixelFormat, PixelConverter> conv = new EnumMap<>(PixelFormat.class);
        for (PixelFormat f : List.of(PixelFormat.NV12, PixelFormat.I420)) {
            PixelConverter c = converters.find(PixelFormat.RGBA8, f);
            if (c == null) {
                throw new ExportException("no RGBA8 -> " + f + " converter registered", null);
            }
            conv.put(f, c);
        }
        return conv;
    }

    @Override
    public ExportJob start(Timeline timeline, Path baseDir, ExportSettings s, ExportListener listener)
            throws ExportException {
        String codec;
        try {
            s.container();
            codec = s.effectiveCodec();
            EncoderCatalog.candidates(codec);
        } catch (IllegalArgumentException e) {
            throw new ExportException(e.getMessage(), e);
        }
        List<String> problems = timeline.validate();
        if (!problems.isEmpty()) {
            throw new ExportException("cannot export: " + String.join("; ", problems), null);
        }
        if (s.audioOnlyContainer() || AudioExport.noPicture(timeline, baseDir, media)) {
            return AudioExport.start(timeline, baseDir, s, listener, media);
        }
        boolean gif = codec.equals("gif");
        int w = s.width() > 0 ? s.width() : timeline.format().width();
        int h = s.height() > 0 ? s.height() : timeline.format().height();
        if (!gif) { // 4:2:0 needs even sizes; GIF does not
            w = ExportSettings.evenSize(w);
            h = ExportSettings.evenSize(h);
        }
        if (w < 2 || h < 2) {
            throw new ExportException("cannot export at " + w + "x" + h + ": 4:2:0 needs at least 2x2 pixels", null);
        }
        long end = timeline.frameCount();
        long first = Math.max(0, s.firstFrame());
        long total = s.frames() < 0 ? end - first : Math.min(s.frames(), end - first);
        if (total <= 0) {
            throw new ExportException("nothing to export: frames " + first + ".. of a " + end + "-frame timeline",
                    null);
        }
        List<EncoderChoice> candidates;
        if (s.encoderPinned()) {
            candidates = List.of(new EncoderChoice(s.encoder(), EncoderCatalog.hardware(s.encoder()), true,
                    "chosen by the user"));
        } else {
            candidates = candidates(codec);
            if (candidates.stream().noneMatch(EncoderChoice::usable)) {
                throw new ExportException("no usable " + codec + " encoder: " + candidates, null);
            }
        }
        Map<PixelFormat, PixelConverter> conv = converters(converters);
        String chosen = candidates.stream().filter(EncoderChoice::usable).findFirst().orElseThrow().name();
        listener.note("encoder " + chosen + (s.encoderPinned() ? " (chosen by the user)"
                : " (auto; " + candidates.stream().filter(c -> !c.name().equals(chosen)).map(Object::toString)
                        .reduce((a, b) -> a + "; " + b).orElse("no other candidates") + ")"));
        Path direct = gif ? null : DirectSource.of(timeline, baseDir, w, h, media);
        if (direct != null) {
            listener.note("direct path: " + direct.getFileName()
                    + " is passed through unchanged, its decoded pictures go straight to the encoder");
        }
        ExportRun run = new ExportRun(engine, conv, timeline, baseDir, s, listener, candidates, w, h, first, total,
                media, direct, qc);
        run.start();
        return run;
    }
}
