package org.lumaflow.live.tests.receivers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** {@code srt-live-transmit srt://:PORT?mode=listener file://con} (from srt-tools) writing the MPEG-TS it receives. */
public final class SrtLiveTransmit extends Receiver {

    public static final Path PROGRAM = Path.of("/usr/bin/srt-live-transmit");

    private SrtLiveTransmit(List<String> command, Path dir, Path output, int port) {
        super(command, dir, output, "srt-live-transmit-" + port);
    }

    public static SrtLiveTransmit create(Path dir, int port) {
        require(PROGRAM, "srt-tools");
        Path out = dir.resolve("slt-" + port + ".ts");
        return new SrtLiveTransmit(List.of(PROGRAM.toString(), "-q", "srt://:" + port + "?mode=listener",
                "file://con"), dir, out, port);
    }

    @Override
    public Receiver start() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.to(output.toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        started(pb.start());
        return this;
    }
}
