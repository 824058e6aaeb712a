package org.lumaflow.live.internal.capture;

import static org.bytedeco.ffmpeg.global.avdevice.avdevice_free_list_devices;
import static org.bytedeco.ffmpeg.global.avdevice.avdevice_list_input_sources;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.bytedeco.ffmpeg.avdevice.AVDeviceInfo;
import org.bytedeco.ffmpeg.avdevice.AVDeviceInfoList;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.javacpp.PointerPointer;

/** What the providers list: X displays, V4L2 cameras, PulseAudio and ALSA devices. Nothing here throws. */
final class Devices {

    /** Where X servers put their local sockets. */
    static final Path X11_SOCKETS = Path.of("/tmp/.X11-unix");
    private static final Pattern CARD = Pattern.compile("^\\s*(\\d+)\\s+\\[([^\\]]*)\\]:\\s*(.*)$");

    private Devices() {
    }

    /** One device found by FFmpeg: its name (what to open) and description. */
    record Found(String name, String description) {
    }

    /** X displays: {@code $DISPLAY} and every {@code :N} with a socket in {@code /tmp/.X11-unix}. */
    static List<String> displays() {
        Set<String> out = new LinkedHashSet<>();
        String env = System.getenv("DISPLAY");
        if (env != null && !env.isBlank()) {
            out.add(env.strip());
        }
        TreeSet<Integer> numbers = new TreeSet<>();
        try (Stream<Path> s = Files.list(X11_SOCKETS)) {
            s.forEach(p -> {
                String n = p.getFileName().toString();
                if (n.matches("X\\d+")) {
                    numbers.add(Integer.parseInt(n.substring(1)));
                }
            });
        } catch (IOException | RuntimeException e) {
            // no local X servers
        }
        for (int n : numbers) {
            out.add(":" + n);
        }
        return new ArrayList<>(out);
    }

    /** Whether a local display ({@code :N} or {@code :N.S}) has its socket; true for remote displays. */
    static boolean localDisplayExists(String display) {
        Matcher m = Pattern.compile("^:(\\d+)(?:\\.\\d+)?$").matcher(display);
        return !m.matches() || Files.exists(X11_SOCKETS.resolve("X" + m.group(1)));
    }

    /** The size of {@code display}'s screen through x11grab, or null when it cannot be opened. */
    static int[] screenSize(String display) {
        try {
            CaptureThread.loadDevices();
            AVInputFormat in = av_find_input_format("x11grab");
            if (in == null) {
                return null;
            }
            AVFormatContext fmt = avformat_alloc_context();
            AVDictionary dict = new AVDictionary(null);
            av_dict_set(dict, "draw_mouse", "0", 0);
            int r = avformat_open_input(fmt, display, in, dict);
            av_dict_free(dict);
            org.lumaflow.media.ffmpeg.FFmpeg.clearLog();
            if (r < 0) {
                return null;
            }
            try {
                if (fmt.nb_streams() < 1) {
                    return null;
                }
                return new int[] {fmt.streams(0).codecpar().width(), fmt.streams(0).codecpar().height()};
            } finally {
                avformat_close_input(fmt);
            }
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    /** FFmpeg's own list of {@code format}'s input devices ({@code v4l2}, {@code pulse}, {@code alsa}); may be empty. */
    static List<Found> ffmpegList(String format) {
        List<Found> out = new ArrayList<>();
        try {
            CaptureThread.loadDevices();
            AVInputFormat in = av_find_input_format(format);
            if (in == null) {
                return out;
            }
            PointerPointer<AVDeviceInfoList> holder = new PointerPointer<>(1);
            holder.put(0, null);
            int r = avdevice_list_input_sources(in, (org.bytedeco.javacpp.BytePointer) null, null, holder);
            org.lumaflow.media.ffmpeg.FFmpeg.clearLog();
            if (r >= 0 && holder.get(0) != null) {
                AVDeviceInfoList list = new AVDeviceInfoList(holder.get(0));
                for (int i = 0; i < list.nb_devices(); i++) {
                    AVDeviceInfo d = list.devices(i);
                    String name = d.device_name() == null ? null : d.device_name().getString();
                    String desc = d.device_description() == null ? "" : d.device_description().getString();
                    if (name != null && !name.isBlank()) {
                        out.add(new Found(name, desc));
                    }
                }
                avdevice_free_list_devices(holder);
            }
            holder.close();
        } catch (RuntimeException | LinkageError e) {
            // listing is best effort
        }
        return out;
    }

    /** Video4Linux nodes ({@code /dev/videoN}) with their names from sysfs, capture nodes (index 0) only. */
    static List<Found> videoNodes() {
        List<Found> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("/dev"))) {
            for (Path p : s.filter(p -> p.getFileName().toString().matches("video\\d+")).sorted().toList()) {
                Path sys = Path.of("/sys/class/video4linux", p.getFileName().toString());
                String index = read(sys.resolve("index"));
                if (index != null && !index.equals("0")) {
                    continue; // metadata or second nodes of the same camera
                }
                String name = read(sys.resolve("name"));
                out.add(new Found(p.toString(), name == null ? "" : name));
            }
        } catch (IOException | RuntimeException e) {
            // none
        }
        return out;
    }

    /** ALSA cards from {@code /proc/asound/cards} as {@code hw:N} with their names. */
    static List<Found> alsaCards() {
        List<Found> out = new ArrayList<>();
        try {
            Path cards = Path.of("/proc/asound/cards");
            if (!Files.isReadable(cards)) {
                return out;
            }
            for (String line : Files.readAllLines(cards)) {
                Matcher m = CARD.matcher(line);
                if (m.matches() && Files.exists(Path.of("/proc/asound/card" + m.group(1)))) {
                    boolean capture = false;
                    try (Stream<Path> s = Files.list(Path.of("/proc/asound/card" + m.group(1)))) {
                        capture = s.anyMatch(p -> p.getFileName().toString().matches("pcm\\d+c"));
                    }
                    if (capture) {
                        out.add(new Found("hw:" + m.group(1), m.group(3).strip()));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // none
        }
        return out;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p).strip();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
