package org.lumaflow.ui.internal.audio;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_PCM_S16LE;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avformat.av_get_output_timestamp;
import static org.bytedeco.ffmpeg.global.avformat.av_guess_format;
import static org.bytedeco.ffmpeg.global.avformat.av_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_free;
import static org.bytedeco.ffmpeg.global.avutil.av_malloc;

import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVOutputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.global.avdevice;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.lumaflow.media.ffmpeg.FFmpeg;

/**
 * A sound output: 48 kHz stereo 16-bit PCM written to FFmpeg's {@code pulse} output device (PulseAudio, or PipeWire's
 * PulseAudio server on current desktops), or to its {@code alsa} output ({@code default} device) when no PulseAudio
 * server answers. Writes block while the device's buffer (about {@value #BUFFER_MS} ms) is full, which paces the
 * caller at the device's clock. {@link #playedSample()} says which sample is being heard, the master clock of playback.
 * No allocation per write (one native buffer and one packet, reused). Used by one thread.
 *
 * <p>
 * The server comes from {@code -Dlumaflow.audio.server} ({@code unix:/path/native}, the tests' private null sink),
 * else PulseAudio's defaults ({@code $PULSE_SERVER}, the session's server). {@code -Dlumaflow.audio=off} disables
 * sound.
 */
public final class AudioOutput implements AutoCloseable {

    /** Samples per second. */
    public static final int RATE = 48_000;
    /** Device buffer, milliseconds. */
    public static final int BUFFER_MS = 200;
    /** Samples buffered before the device starts (again, after a stop). */
    private static final int PREBUF_FRAMES = 2048;
    private static final System.Logger LOG = System.getLogger("org.lumaflow.ui");

    private final AVFormatContext ctx;
    private final AVPacket packet;
    private final BytePointer data;
    private final int capacity;
    private final String device;
    private final long[] dts = new long[1];
    private final long[] wall = new long[1];
    /** The stream's time base after opening (the device muxers choose it: microseconds, or samples). */
    private long tbNum = 1;
    private long tbDen = RATE;
    /** Output sample (increasing) of the next sample written. */
    private long next;
    /** Samples written since open. */
    private long written;

    private AudioOutput(AVFormatContext ctx, int maxFrames, String device) {
        this.ctx = ctx;
        this.device = device;
        this.capacity = maxFrames * 4;
        this.data = new BytePointer(av_malloc(capacity + 64)).capacity(capacity);
        this.packet = av_packet_alloc();
    }

    /**
     * Opens the first output that works (PulseAudio, then ALSA); writes take at most {@code maxFrames} samples.
     *
     * @throws AudioException naming each output tried and why it failed
     */
    public static AudioOutput open(int maxFrames) throws AudioException {
        if ("off".equals(System.getProperty("lumaflow.audio"))) {
            throw new AudioException("sound is off (-Dlumaflow.audio=off)");
        }
        loadDevices();
        String server = System.getProperty("lumaflow.audio.server");
        StringBuilder why = new StringBuilder();
        try {
            return open("pulse", "Lumaflow Studio", server, maxFrames);
        } catch (AudioException e) {
            why.append("PulseAudio").append(server != null ? " at " + server : "").append(": ").append(e.getMessage());
        }
        if (server == null) {
            try {
                return open("alsa", "default", null, maxFrames);
            } catch (AudioException e) {
                why.append("; ALSA: ").append(e.getMessage());
            }
        }
        throw new AudioException(why.toString());
    }

    /** Loads FFmpeg's device library (slow the first time: it may unpack natives); later calls return at once. */
    public static void loadDevices() throws AudioException {
        try {
            FFmpeg.load();
            Loader.load(avdevice.class);
            avdevice.avdevice_register_all();
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new AudioException("FFmpeg's device library did not load (" + e.getMessage()
                    + "; libpulse0 and libasound2 must be installed)");
        }
    }

    private static AudioOutput open(String format, String target, String server, int maxFrames)
            throws AudioException {
        AVOutputFormat fmt = av_guess_format(format, null, null);
        if (fmt == null || fmt.isNull()) {
            throw new AudioException("FFmpeg has no " + format + " output");
        }
        AVFormatContext ctx = new AVFormatContext(null);
        int r = avformat_alloc_output_context2(ctx, fmt, (String) null, target);
        if (r < 0) {
            throw new AudioException(FFmpeg.explain(r));
        }
        AVStream st = avformat_new_stream(ctx, null);
        var p = st.codecpar();
        p.codec_type(AVMEDIA_TYPE_AUDIO);
        p.codec_id(AV_CODEC_ID_PCM_S16LE);
        p.format(AV_SAMPLE_FMT_S16);
        p.sample_rate(RATE);
        p.block_align(4);
        p.bits_per_coded_sample(16);
        av_channel_layout_default(p.ch_layout(), 2);
        st.time_base().num(1);
        st.time_base().den(RATE);
        AVDictionary opts = new AVDictionary(null);
        if ("pulse".equals(format)) {
            if (server != null) {
                av_dict_set(opts, "server", server, 0);
            }
            av_dict_set(opts, "name", "Lumaflow Studio", 0);
            av_dict_set(opts, "stream_name", "Playback", 0);
            av_dict_set(opts, "buffer_duration", String.valueOf(BUFFER_MS), 0);
            // start playing once two blocks are there (PulseAudio waits for a full buffer by default, and a null
            // sink measured here then took 400 ms to start)
            av_dict_set(opts, "prebuf", String.valueOf(PREBUF_FRAMES * 4), 0);
        }
        r = avformat_write_header(ctx, opts);
        av_dict_free(opts);
        if (r < 0) {
            avformat_free_context(ctx);
            throw new AudioException(FFmpeg.explain(r));
        }
        AudioOutput out = new AudioOutput(ctx, maxFrames, format + " " + (server != null ? server : target));
        out.tbNum = Math.max(1, st.time_base().num());
        out.tbDen = Math.max(1, st.time_base().den());
        return out;
    }

    /** What was opened, e.g. {@code "pulse Lumaflow Studio"}. */
    public String device() {
        return device;
    }

    /** The output sample the next write starts at (the base of {@link #playedSample}); increases with each write. */
    public long next() {
        return next;
    }

    /**
     * Writes {@code frames} interleaved 16-bit stereo samples from {@code pcm} (4 bytes each); blocks while the device
     * buffer is full.
     */
    public void write(byte[] pcm, int frames) throws AudioException {
        int bytes = frames * 4;
        if (bytes > capacity) {
            throw new IllegalArgumentException(frames + " samples is more than this output takes at once");
        }
        data.position(0).put(pcm, 0, bytes);
        long ts = toStream(next);
        packet.data(data);
        packet.size(bytes);
        packet.stream_index(0);
        packet.pts(ts);
        packet.dts(ts);
        packet.duration(toStream(next + frames) - ts);
        int r = av_write_frame(ctx, packet);
        packet.data(null);
        packet.size(0);
        next += frames;
        written += frames;
        if (r < 0) {
            throw new AudioException("writing to " + device + " failed: " + FFmpeg.explain(r));
        }
    }

    /**
     * The output sample (the base of {@link #next}) being heard now, or {@code Long.MIN_VALUE} when the device cannot
     * say yet (it says nothing reliable before it starts playing).
     */
    public long playedSample() {
        int r = av_get_output_timestamp(ctx, 0, dts, wall);
        if (r < 0) {
            return Long.MIN_VALUE;
        }
        long played = Math.floorDiv(dts[0] * tbNum * RATE, tbDen);
        // before the device starts, PulseAudio reports no latency at all: nothing is heard yet
        return next - played < RATE / 2000 ? Long.MIN_VALUE : played;
    }

    private long toStream(long sample) {
        return Math.floorDiv(sample * tbDen, RATE * tbNum);
    }

    /** Drops what is buffered and not yet heard (a stop: silence at once). */
    public void flush() {
        av_write_frame(ctx, null);
    }

    /** Samples written since open. */
    public long written() {
        return written;
    }

    @Override
    public void close() {
        av_write_trailer(ctx);
        avformat_free_context(ctx);
        av_packet_free(packet);
        Pointer p = new Pointer(data);
        av_free(p);
    }

    /** Why sound cannot be played (one sentence, no exception class names). */
    public static final class AudioException extends Exception {
        private static final long serialVersionUID = 1L;

        public AudioException(String message) {
            super(message);
        }
    }
}
