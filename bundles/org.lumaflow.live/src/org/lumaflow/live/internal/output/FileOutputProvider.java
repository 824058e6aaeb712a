package org.lumaflow.live.internal.output;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

import org.lumaflow.live.LiveException;
import org.lumaflow.live.LiveOutput;
import org.lumaflow.live.LiveOutputProvider;
import org.lumaflow.live.Secrets;
import org.lumaflow.live.StreamFormat;
import org.osgi.service.component.annotations.Component;

/** Recordings: {@code .mp4}/{@code .mov} (fragmented MP4) and {@code .mkv} (Matroska), with AAC sound. */
@Component(service = LiveOutputProvider.class)
public final class FileOutputProvider implements LiveOutputProvider {

    @Override
    public String protocol() {
        return "file";
    }

    @Override
    public boolean accepts(String target) {
        String t = OutputProviders.lower(target);
        return !t.contains("://") && (t.endsWith(".mp4") || t.endsWith(".mov") || t.endsWith(".mkv"));
    }

    @Override
    public String audioCodec(String target) {
        return "aac";
    }

    @Override
    public LiveOutput open(String target, StreamFormat format, Map<String, String> options) throws LiveException {
        Path p;
        try {
            p = Path.of(target);
        } catch (InvalidPathException e) {
            throw new LiveException(Secrets.mask("recording " + target + ": not a valid file name (" + e.getReason()
                    + ")"), e);
        }
        return new FileOutput(p, format);
    }
}
