package org.lumaflow.telemetry.internal.gpmf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.lumaflow.telemetry.Tag;
import org.lumaflow.telemetry.Telemetry;
import org.lumaflow.telemetry.TelemetryException;
import org.lumaflow.telemetry.TelemetryOptions;
import org.lumaflow.telemetry.TelemetryParser;
import org.osgi.service.component.annotations.Component;

/**
 * GoPro GPMF: the {@code gpmd} track of a GoPro MP4/MOV (on the video clock, HiLights from {@code HMMT}) or a raw
 * GPMF payload file (one DEVC per device and second; each payload is taken as one second, UTC from GPSU).
 */
@Component(service = TelemetryParser.class, property = "service.ranking:Integer=100")
public final class GpmfParser implements TelemetryParser {

    /** Raw payload files larger than this are refused (they are one second each, a few KiB). */
    private static final long MAX_RAW = 256L << 20;

    @Override
    public String format() {
        return "gpmf";
    }

    @Override
    public List<String> extensions() {
        return List.of("mp4", "mov", "lrv", "360", "raw", "gpmf", "bin");
    }

    @Override
    public boolean accepts(Path file, ByteBuffer head) {
        if (head.remaining() >= 8 && head.getInt(0) == GpmfDecoder.DEVC && head.get(4) == 0) {
            return true;
        }
        return head.remaining() >= 8 && head.getInt(4) == Klv.key("ftyp");
    }

    @Override
    public Telemetry read(Path file, TelemetryOptions options) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new TelemetryException(file, null, Files.exists(file) ? "not a regular file" : "no such file");
        }
        ByteBuffer head = ByteBuffer.allocate(8);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ch.read(head, 0);
        }
        GpmfDecoder d = new GpmfDecoder(file, options);
        if (head.position() == 8 && head.getInt(0) == GpmfDecoder.DEVC) {
            d.nominalDuration(1);
            readRaw(file, d);
            return d.finish(false);
        }
        int packets = GpmdTrack.read(file, (data, index, t0, t1) -> {
            if (index == 0) {
                d.nominalDuration(t1 - t0);
            }
            d.payload(data, 0, data.limit(), "GPMF packet " + index, t0, t1);
        });
        if (packets == 0) {
            throw new TelemetryException(file, null, "the GoPro telemetry track ('gpmd') has no packets");
        }
        for (double t : HiLights.read(file)) {
            d.tag(new Tag(t, "hilight", ""));
        }
        return d.finish(true);
    }

    /** A raw file: consecutive DEVCs; a device seen again starts the next one-second payload. */
    private static void readRaw(Path file, GpmfDecoder d) throws IOException {
        long size = Files.size(file);
        if (size > MAX_RAW) {
            throw new TelemetryException(file, null, "too large for a raw GPMF payload file (" + size + " bytes)");
        }
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
        Klv top = new Klv().reset(b, 0, b.limit());
        Klv peek = new Klv();
        Set<Long> seen = new HashSet<>();
        int payload = 0;
        try {
            while (top.next()) {
                if (top.key != GpmfDecoder.DEVC || !top.nested()) {
                    continue;
                }
                long id = -1;
                peek.reset(b, top.dataOffset, top.dataOffset + top.dataSize());
                if (peek.next() && peek.key == Klv.key("DVID") && peek.dataSize() >= 4) {
                    id = b.getInt(peek.dataOffset) & 0xffffffffL;
                }
                if (!seen.add(id)) {
                    payload++;
                    seen.clear();
                    seen.add(id);
                }
                d.devc(b, top.dataOffset, top.dataOffset + top.dataSize(), null, payload, payload + 1);
            }
        } catch (Klv.Broken e) {
            throw new TelemetryException(file, "offset 0x" + Integer.toHexString(e.offset),
                    "broken GPMF: " + e.getMessage());
        }
    }
}
