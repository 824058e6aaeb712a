package org.lumaflow.live.internal.session;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.registry.ConverterRegistry;
import org.lumaflow.engine.render.Engine;
import org.lumaflow.live.Layout;
import org.lumaflow.live.LiveConfig;
import org.lumaflow.live.LiveException;
import org.lumaflow.live.LiveListener;
import org.lumaflow.live.LiveOutput;
import org.lumaflow.live.LiveOutputProvider;
import org.lumaflow.live.LiveService;
import org.lumaflow.live.LiveSession;
import org.lumaflow.live.LiveSource;
import org.lumaflow.live.LiveSourceProvider;
import org.lumaflow.live.Secrets;
import org.lumaflow.live.SourceInfo;
import org.lumaflow.live.SourceOptions;
import org.lumaflow.live.internal.capture.BufferedSink;
import org.lumaflow.live.internal.compose.Composer;
import org.lumaflow.live.internal.compose.Effects;
import org.lumaflow.live.internal.compose.LayoutGraphs;
import org.lumaflow.live.internal.compose.LiveSlots;
import org.lumaflow.live.internal.pipe.EncodeStage;
import org.lumaflow.live.internal.pipe.EncodeStageFactory;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The {@link LiveService}: source and output providers come from the whiteboard; a session opens its sources,
 * compiles the composition, opens the encode stage and the outputs (all or nothing), then starts its threads.
 */
@Component(service = LiveService.class)
public final class LiveServiceImpl implements LiveService {

    private static final AtomicInteger IDS = new AtomicInteger();

    private final List<LiveSourceProvider> sourceProviders = new CopyOnWriteArrayList<>();
    private final List<LiveOutputProvider> outputProviders = new CopyOnWriteArrayList<>();
    @Reference
    private Engine engine;
    @Reference
    private ConverterRegistry converters;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EncodeStageFactory encoders;

    /** For DS. */
    public LiveServiceImpl() {
    }

    /** Outside OSGi (tests, tools). */
    public LiveServiceImpl(Engine engine, ConverterRegistry converters, EncodeStageFactory encoders,
            List<LiveSourceProvider> sources, List<LiveOutputProvider> outputs) {
        this.engine = engine;
        this.converters = converters;
        this.encoders = encoders;
        this.sourceProviders.addAll(sources);
        this.outputProviders.addAll(outputs);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSourceProvider(LiveSourceProvider p) {
        sourceProviders.add(p);
    }

    void removeSourceProvider(LiveSourceProvider p) {
        sourceProviders.remove(p);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addOutputProvider(LiveOutputProvider p) {
        outputProviders.add(p);
    }

    void removeOutputProvider(LiveOutputProvider p) {
        outputProviders.remove(p);
    }

    @Override
    public List<SourceInfo> listSources() {
        List<SourceInfo> all = new ArrayList<>();
        for (LiveSourceProvider p : sourceProviders) {
            try {
                all.addAll(p.list());
            } catch (RuntimeException e) {
                all.add(new SourceInfo(p.kind(), "", "listing failed: " + Secrets.mask(e.getMessage()), false,
                        false));
            }
        }
        return all;
    }

    /** The kinds of the registered source providers, sorted. */
    public Set<String> kinds() {
        Set<String> k = new TreeSet<>();
        for (LiveSourceProvider p : sourceProviders) {
            k.add(p.kind());
        }
        return k;
    }

    @Override
    public LiveSession start(LiveConfig config, LiveListener listener) throws LiveException {
        EncodeStageFactory factory = encoders;
        if (factory == null) {
            throw new LiveException("no live encoder is installed (the org.lumaflow.live encode stage service is "
                    + "missing)");
        }
        Resources res = new Resources();
        try {
            return open(config, listener, factory, res);
        } catch (LiveException | RuntimeException e) {
            res.closeAll();
            if (e instanceof LiveException le) {
                throw le;
            }
            throw new LiveException("live session could not start: " + Secrets.mask(String.valueOf(
                    e.getMessage())), e);
        }
    }

    /** What a start has opened so far, closed in reverse when it fails. */
    private static final class Resources {
        final List<LiveSource> sources = new ArrayList<>();
        final List<LiveOutput> outputs = new ArrayList<>();
        final List<SourceSink> sinks = new ArrayList<>();
        EncodeStage encode;
        Composer composer;
        String slots;

        void closeAll() {
            for (LiveSource s : sources) {
                quietly(s::close);
            }
            for (LiveOutput o : outputs) {
                quietly(o::close);
            }
            if (encode != null) {
                quietly(encode::close);
            }
            if (composer != null) {
                quietly(composer::close);
            }
            if (slots != null) {
                LiveSlots.close(slots);
            }
            for (SourceSink s : sinks) {
                s.video.close();
            }
        }

        private static void quietly(Runnable r) {
            try {
                r.run();
            } catch (RuntimeException e) {
                System.getLogger("org.lumaflow.live").log(System.Logger.Level.WARNING, "closing after a failed "
                        + "start: " + Secrets.mask(e.toString()));
            }
        }
    }

    /**
     * Whether the program is one source as it is (one source, full layout, no effects; option {@code passthrough=0}
     * turns it off): the source is asked for NV12 at the output size and its pictures go to the encoder without a
     * render (a source that cannot deliver NV12 is composed as usual).
     */
    static boolean passthrough(LiveConfig c) {
        return c.layout().kind() == Layout.Kind.FULL && c.effects() == null && c.sources().size() == 1
                && !"0".equals(c.options().get("passthrough")) && !c.options().containsKey("format");
    }

    /** Whether the video encoder the session will use takes I420 (libopenh264, also chosen by auto without x264). */
    static boolean wantsI420(String encoder) {
        if ("libopenh264".equals(encoder)) {
            return true;
        }
        if (!"auto".equals(encoder)) {
            return false;
        }
        org.lumaflow.media.ffmpeg.FFmpeg.load();
        return org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name("libx264") == null
                && org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name("h264_nvenc") == null;
    }

    private LiveSession open(LiveConfig config, LiveListener listener, EncodeStageFactory factory, Resources res)
            throws LiveException {
        String id = "live-" + IDS.incrementAndGet();
        // 1. sources
        Map<String, String> extra = config.options();
        if (passthrough(config)) { // the source converts straight to NV12: no RGBA round trip, no render
            extra = new java.util.HashMap<>(extra);
            extra.put("format", wantsI420(config.encoder()) ? "i420" : "nv12");
        }
        SourceOptions so = new SourceOptions(config.width(), config.height(), config.rate(), extra);
        List<LiveSource> opened = new ArrayList<>();
        for (String spec : config.sources()) {
            int colon = spec.indexOf(':');
            String kind = colon < 0 ? spec : spec.substring(0, colon);
            String rest = colon < 0 ? "" : spec.substring(colon + 1);
            LiveSourceProvider p = provider(kind);
            if (p == null) {
                throw new LiveException("unknown source kind '" + kind + "' in --source " + Secrets.mask(spec)
                        + " (known kinds: " + String.join(", ", kinds()) + ")");
            }
            LiveSource s;
            try {
                s = p.open(rest, so);
            } catch (RuntimeException e) {
                throw new LiveException("source " + Secrets.mask(spec) + ": " + Secrets.mask(e.getMessage()), e);
            }
            res.sources.add(s);
            opened.add(s);
        }
        int videoCount = 0;
        boolean audio = false;
        for (LiveSource s : opened) {
            videoCount += s.hasVideo() ? 1 : 0;
            audio |= s.hasAudio();
        }
        int needed = LayoutGraphs.videoSourcesNeeded(config.layout());
        if (videoCount < needed) {
            throw new LiveException("layout " + config.layout().kind().name().toLowerCase(java.util.Locale.ROOT)
                    + " needs " + needed + " video source" + (needed > 1 ? "s" : "") + ", got " + videoCount);
        }
        // 2. targets -> providers (before the encoder: it encodes each audio codec they need once)
        List<String> targets = new ArrayList<>();
        if (config.record() != null) {
            targets.add(config.record().toString());
        }
        targets.addAll(config.streams());
        List<LiveOutputProvider> chosen = new ArrayList<>();
        Set<String> codecs = new LinkedHashSet<>();
        for (String t : targets) {
            LiveOutputProvider p = outputFor(t);
            if (p == null) {
                throw new LiveException("no output handles " + Secrets.mask(t) + " (known: " + String.join(", ",
                        outputProviders.stream().map(LiveOutputProvider::protocol).distinct().toList())
                        + "; files end in .mp4, .mkv or .mov)");
            }
            chosen.add(p);
            if (audio) {
                String c = p.audioCodec(t);
                if (c != null && !c.isEmpty()) {
                    codecs.add(c);
                }
            }
        }
        // 3. composition
        List<GraphNode> effects = config.effects() == null ? List.of() : Effects.load(config.effects());
        preferBackend(config.backend(), listener);
        res.slots = id;
        LiveSlots.Slot[] slots = LiveSlots.open(id, videoCount);
        Path fxDir = config.effects() == null ? null : config.effects().toAbsolutePath().getParent();
        res.composer = new Composer(engine, converters, config.layout(), id, config.width(), config.height(),
                effects, fxDir, config.effects() == null ? null : config.effects().toString());
        // 4. encode, outputs
        res.encode = factory.open(config.width(), config.height(), config.rate(), config.encoder(),
                config.bitrate(), config.keyframeSeconds(), audio ? BufferedSink.SAMPLE_RATE : 0, audio ? BufferedSink.CHANNELS
                        : 0, codecs, config.options());
        for (int i = 0; i < targets.size(); i++) {
            try {
                res.outputs.add(chosen.get(i).open(targets.get(i), res.encode.format(), config.options()));
            } catch (RuntimeException e) {
                throw new LiveException("output " + Secrets.mask(targets.get(i)) + ": " + Secrets.mask(
                        e.getMessage()), e);
            }
        }
        for (LiveOutput o : res.outputs) {
            res.encode.attach(o);
        }
        // 5. session, sinks, start
        MemoryManager mm = new MemoryManager(engine.pool(), size(config, "pool_budget"), size(config,
                "memory_limit"));
        long interval = 1000;
        String iv = config.options().get("memory_interval_ms");
        if (iv != null) {
            try {
                interval = Math.max(10, Long.parseLong(iv.trim()));
            } catch (NumberFormatException e) {
                throw new LiveException("option memory_interval_ms=" + iv + ": expected milliseconds");
            }
        }
        int v = 0;
        List<SourceSink> sinks = res.sinks;
        LiveSessionImpl[] self = new LiveSessionImpl[1];
        SourceSink.Events relay = new SourceSink.Events() {
            @Override
            public void failed(SourceSink sink, String message) {
                self[0].failed(sink, message);
            }

            @Override
            public void ended(SourceSink sink) {
                self[0].ended(sink);
            }

            @Override
            public void warn(String message) {
                self[0].warn(message);
            }
        };
        for (int i = 0; i < opened.size(); i++) {
            LiveSource s = opened.get(i);
            sinks.add(new SourceSink(i, s, Secrets.mask(s.name()), s.hasVideo() ? v++ : -1, engine.pool(), relay));
        }
        LiveSessionImpl session = new LiveSessionImpl(id, config, listener, sinks, needed, slots, res.composer,
                res.encode, res.outputs, targets, mm, interval, this::outputFor);
        self[0] = session;
        for (SourceSink s : sinks) {
            s.source.start(s);
        }
        session.startThreads();
        session.event(LiveListener.Level.INFO, "live: " + String.join(" + ", session.sources()) + " -> "
                + config.width() + "x" + config.height() + "@" + config.rate() + " on " + res.composer.backend()
                + (targets.isEmpty() ? "" : " -> " + Secrets.mask(String.join(", ", targets))));
        return session;
    }

    private void preferBackend(String backend, LiveListener listener) {
        try {
            engine.preferBackend(backend == null ? "auto" : backend);
        } catch (UnsupportedOperationException e) {
            if ("gpu".equals(backend) && listener != null) {
                listener.event(LiveListener.Level.WARNING, "no GPU backend: rendering on the CPU");
            }
        } catch (IllegalArgumentException e) {
            // validated by LiveConfig's callers; the engine keeps its preference
        }
    }

    private static long size(LiveConfig config, String option) throws LiveException {
        String v = config.options().get(option);
        if (v == null) {
            return 0;
        }
        try {
            return MemoryManager.parseSize(v, option);
        } catch (IllegalArgumentException e) {
            throw new LiveException(e.getMessage());
        }
    }

    private LiveSourceProvider provider(String kind) {
        for (LiveSourceProvider p : sourceProviders) {
            if (p.kind().equals(kind)) {
                return p;
            }
        }
        return null;
    }

    private LiveOutputProvider outputFor(String target) {
        for (LiveOutputProvider p : outputProviders) {
            try {
                if (p.accepts(target)) {
                    return p;
                }
            } catch (RuntimeException e) {
                // a broken provider does not take targets
            }
        }
        return null;
    }
}
