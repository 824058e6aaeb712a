package org.lumaflow.cli.internal;

import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.lumaflow.cli.CliCommand;
import org.lumaflow.cli.UsageException;
import org.lumaflow.core.time.Ticks;
import org.lumaflow.decoder.AudioStreamInfo;
import org.lumaflow.decoder.MediaException;
import org.lumaflow.decoder.MediaInfo;
import org.lumaflow.decoder.MediaService;
import org.lumaflow.decoder.VideoSource;
import org.lumaflow.decoder.VideoStreamInfo;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FrameKey;
import org.lumaflow.core.pool.FramePool;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/** {@code lumaflow probe FILE}: container and stream facts as JSON. */
@Component(service = CliCommand.class)
public final class ProbeCommand implements CliCommand {

    @Reference
    private MediaService media;

    /** For DS. */
    public ProbeCommand() {
    }

    /** Outside OSGi. */
    public ProbeCommand(MediaService media) {
        this.media = media;
    }

    @Override
    public String name() {
        return "probe";
    }

    @Override
    public String summary() {
        return "print a media file's container and streams as JSON";
    }

    @Override
    public String usage() {
        return """
                usage: lumaflow probe FILE [--decode]
                  prints container, duration, and per stream: codec, size, pixel format, frame rate (and whether it
                  varies), frame count, rotation, colour tags; audio: sample rate, channels, layout
                  --decode   also decode the whole first video stream (to RGBA at its size, as renders do) and
                             report the decoder used (hardware or software, and why) and its speed""";
    }

    @Override
    public int run(List<String> argv, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(argv, Set.of(), Set.of("decode"));
        if (a.positionals.size() != 1) {
            throw new UsageException("expected one media file");
        }
        MediaInfo info;
        try {
            info = media.probe(Path.of(a.positionals.get(0)));
        } catch (MediaException e) {
            err.println("lumaflow probe: " + e.getMessage());
            return 1;
        }
        out.println(json(info));
        if (a.flag("decode") && info.firstVideo() != null) {
            VideoStreamInfo v = info.firstVideo();
            try (FramePool pool = new FramePool();
                    VideoSource src = media.openVideo(info.path(), v.displayWidth(), v.displayHeight(),
                            MediaService.Fit.STRETCH, pool, 4);
                    Frame f = pool.lease(FrameKey.rgba(v.displayWidth(), v.displayHeight()))) {
                long t0 = System.nanoTime();
                long n = 0;
                long step = Ticks.fromRational(org.lumaflow.core.time.Rational.of(v.frameRate().den(),
                        v.frameRate().num()), java.math.RoundingMode.FLOOR);
                long end = v.durationTicks() > 0 ? v.durationTicks() : info.durationTicks();
                for (long t = 0; t < end; t += step) {
                    src.read(t, f);
                    n++;
                }
                double secs = (System.nanoTime() - t0) / 1e9;
                out.printf(java.util.Locale.ROOT, "decoder: %s%ndecoded: %d frames in %.2f s (%.1f fps)%n",
                        src.decoder(), n, secs, n / secs);
            } catch (MediaException e) {
                err.println("lumaflow probe: " + e.getMessage());
                return 1;
            }
        }
        return 0;
    }

    static String json(MediaInfo info) throws java.io.IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            g.writeStringField("file", info.path().toString());
            g.writeStringField("container", info.container());
            g.writeNumberField("durationSeconds", Ticks.toSeconds(info.durationTicks()));
            g.writeNumberField("bitRate", info.bitRate());
            g.writeArrayFieldStart("video");
            for (VideoStreamInfo v : info.video()) {
                g.writeStartObject();
                g.writeNumberField("index", v.index());
                g.writeStringField("codec", v.codec());
                g.writeNumberField("width", v.width());
                g.writeNumberField("height", v.height());
                g.writeStringField("pixelFormat", v.pixelFormat());
                g.writeStringField("frameRate", v.frameRate().num() + "/" + v.frameRate().den());
                g.writeBooleanField("variableFrameRate", v.variableFrameRate());
                g.writeNumberField("frames", v.frames());
                g.writeNumberField("durationSeconds", Ticks.toSeconds(v.durationTicks()));
                g.writeNumberField("rotation", v.rotation());
                g.writeStringField("colorSpace", v.colorSpace());
                g.writeStringField("colorPrimaries", v.colorPrimaries());
                g.writeStringField("colorTransfer", v.colorTransfer());
                g.writeStringField("colorRange", v.colorRange());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("audio");
            for (AudioStreamInfo s : info.audio()) {
                g.writeStartObject();
                g.writeNumberField("index", s.index());
                g.writeStringField("codec", s.codec());
                g.writeNumberField("sampleRate", s.sampleRate());
                g.writeNumberField("channels", s.channels());
                g.writeStringField("layout", s.layout());
                g.writeNumberField("durationSeconds", Ticks.toSeconds(s.durationTicks()));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return w.toString();
    }
}
