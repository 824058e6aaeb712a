package org.lumaflow.live.internal.session;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.live.LiveOutput;
import org.lumaflow.live.StreamFormat;
import org.lumaflow.live.internal.pipe.EncodeStage;
import org.lumaflow.live.internal.pipe.EncodeStageFactory;

/**
 * For unit tests of the process stage only (the end-to-end tests use the real encoder): an encode stage that records
 * what the session submits (pts, wall time, size, the last picture's NV12 bytes) and releases each frame.
 */
public final class TestEncoder implements EncodeStageFactory {

    /** The stage opened last. */
    public volatile Stage last;

    @Override
    public EncodeStage open(int width, int height, FrameRate rate, String encoder, long bitrate,
            double keyframeSeconds, int sampleRate, int channels, Set<String> audioCodecs,
            Map<String, String> options) {
        Stage s = new Stage(new StreamFormat("h264", "test", width, height, rate, bitrate, new byte[0], sampleRate,
                channels), audioCodecs);
        last = s;
        return s;
    }

    /** What was submitted. */
    public static final class Stage implements EncodeStage {
        final StreamFormat format;
        public final Set<String> audioCodecs;
        public final List<Long> pts = new ArrayList<>();
        public final List<Long> wall = new ArrayList<>();
        public final List<String> problems = new ArrayList<>();
        public final List<LiveOutput> outputs = new ArrayList<>();
        public volatile byte[] lastPicture;
        public volatile long audioSamples;
        public volatile long audioPeak;
        public volatile boolean closed;
        private long bytes;

        Stage(StreamFormat format, Set<String> audioCodecs) {
            this.format = format;
            this.audioCodecs = Set.copyOf(audioCodecs);
        }

        @Override
        public StreamFormat format() {
            return format;
        }

        @Override
        public synchronized void attach(LiveOutput output) {
            outputs.add(output);
        }

        @Override
        public synchronized void submit(Frame frame, long ptsMicros, long captureNanos) {
            try {
                if (closed) {
                    problems.add("submit after close");
                }
                if (frame.format() != PixelFormat.NV12 || frame.width() != format.width()
                        || frame.height() != format.height()) {
                    problems.add("got " + frame.key());
                }
                pts.add(ptsMicros);
                wall.add(System.nanoTime());
                byte[] b = new byte[frame.buffer().capacity()];
                frame.buffer().get(0, b);
                lastPicture = b;
                bytes += 1000;
            } finally {
                frame.release();
            }
        }

        @Override
        public synchronized void submitAudio(ByteBuffer data, int samples, long ptsMicros, long captureNanos) {
            if (ptsMicros != audioSamples * 1_000_000L / 48000) {
                problems.add("audio pts " + ptsMicros + " after " + audioSamples + " samples");
            }
            for (int i = 0; i < samples * 2; i++) {
                audioPeak = Math.max(audioPeak, Math.abs(data.getShort(data.position() + i * 2)));
            }
            audioSamples += samples;
        }

        @Override
        public synchronized long encodedFrames() {
            return pts.size();
        }

        @Override
        public synchronized long encodedBytes() {
            return bytes;
        }

        @Override
        public long dropped() {
            return 0;
        }

        @Override
        public int queued() {
            return 0;
        }

        @Override
        public void latency(double[] out) {
            out[0] = 1;
            out[1] = 2;
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                for (LiveOutput o : outputs) {
                    o.close();
                }
            }
        }

        public synchronized int frames() {
            return pts.size();
        }
    }
}
