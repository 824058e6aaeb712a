package org.lumaflow.live.tests.output;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FrameKey;
import org.lumaflow.core.pool.FramePool;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.core.pool.Usage;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.live.LiveOutput;
import org.lumaflow.live.LiveOutputProvider;
import org.lumaflow.live.internal.pipe.EncodeStage;
import org.lumaflow.live.internal.pipe.EncodeStageFactory;
import org.lumaflow.live.tests.receivers.TestSignal;
import org.lumaflow.testsupport.OsgiTests;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * The encode stage and outputs as the session drives them, without capture: {@link TestSignal} pictures (numbered)
 * and a tone, paced in real time, submitted through the real {@link EncodeStageFactory} service to outputs opened by
 * the real {@link LiveOutputProvider} services.
 */
final class Rig implements AutoCloseable {

    final int width;
    final int height;
    final int fps;
    final EncodeStage stage;
    final List<LiveOutput> outputs = new ArrayList<>();
    private final BundleContext bc;
    private final FramePool pool = new FramePool();
    private final Frame template;
    private ByteBuffer tone;
    private int number;
    private long samples;
    private long startNanos = -1;
    /** Capture times of submitted pictures (for cadence checks). */
    final List<Long> submitted = new ArrayList<>();

    Rig(int width, int height, int fps, Set<String> audio, Map<String, String> options) throws Exception {
        this.width = width;
        this.height = height;
        this.fps = fps;
        bc = OsgiTests.startAll(Rig.class);
        EncodeStageFactory f = OsgiTests.service(bc, EncodeStageFactory.class);
        stage = f.open(width, height, new FrameRate(fps, 1), options.getOrDefault("encoder", "auto"), 0, 1.0,
                audio.isEmpty() ? 0 : 48000, audio.isEmpty() ? 0 : 2, audio, options);
        template = pool.lease(new FrameKey(width, height, PixelFormat.NV12, Usage.ENCODE));
        TestSignal.draw(template, 0);
    }

    static Rig open(int width, int height, Set<String> audio) throws Exception {
        return new Rig(width, height, 30, audio, Map.of());
    }

    /** The provider that accepts {@code target}. */
    LiveOutputProvider provider(String target) throws Exception {
        OsgiTests.service(bc, LiveOutputProvider.class);
        long end = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < end) {
            for (ServiceReference<LiveOutputProvider> r : bc.getServiceReferences(LiveOutputProvider.class, null)) {
                LiveOutputProvider p = bc.getService(r);
                if (p != null && p.accepts(target)) {
                    return p;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no output provider accepts " + target);
    }

    /** Opens and attaches an output. */
    LiveOutput output(String target, Map<String, String> options) throws Exception {
        LiveOutput o = provider(target).open(target, stage.format(), options);
        stage.attach(o);
        outputs.add(o);
        return o;
    }

    LiveOutput output(String target) throws Exception {
        return output(target, Map.of());
    }

    /** Submits {@code frames} pictures (and their sound) at the frame rate, in real time. */
    void run(int frames) {
        if (startNanos < 0) {
            startNanos = System.nanoTime();
        }
        long period = 1_000_000_000L / fps;
        int perFrame = 48000 / fps;
        for (int i = 0; i < frames; i++) {
            long due = startNanos + number * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long now = System.nanoTime();
            Frame f = pool.lease(template.key());
            f.copyFrom(template);
            TestSignal.number(f, number & 255);
            long pts = number * 1_000_000L / fps;
            submitted.add(now);
            stage.submit(f, pts, now);
            if (stage.format().hasAudio()) {
                tone = TestSignal.tone(tone, samples, perFrame);
                stage.submitAudio(tone, perFrame, samples * 1_000_000L / 48000, now);
                samples += perFrame;
            }
            number++;
        }
    }

    int submittedFrames() {
        return number;
    }

    @Override
    public void close() {
        stage.close();
        template.release();
        pool.close();
    }

}
