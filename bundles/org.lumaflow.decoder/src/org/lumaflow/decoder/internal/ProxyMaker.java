package org.lumaflow.decoder.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.lumaflow.decoder.MediaException;
import org.lumaflow.decoder.MediaInfo;
import org.lumaflow.decoder.VideoStreamInfo;

/** Makes the proxy of one file in a cache folder (see {@code org.lumaflow.decoder.proxy.Proxies}). */
public final class ProxyMaker {

    private ProxyMaker() {
    }

    /**
     * Writes {@code original}'s proxy into {@code cacheDir} (named by {@link ProxyNames}) and removes its proxies of
     * earlier versions of the file.
     *
     * @return the proxy file
     * @throws MediaException when the file cannot be read, has no video, or changed while its proxy was made
     */
    public static Path make(Path original, Path cacheDir, int threads, ProxyWriter.Progress progress)
            throws MediaException, IOException {
        String prefix;
        try {
            prefix = ProxyNames.prefix(original);
        } catch (IOException e) {
            throw new MediaException(original, Files.exists(original) ? "cannot read (" + e.getMessage() + ")"
                    : "no such file");
        }
        MediaInfo info = Prober.probe(original);
        VideoStreamInfo v = info.firstVideo();
        if (v == null) {
            throw new MediaException(original, "has no video stream (no proxy needed)");
        }
        Files.createDirectories(cacheDir);
        Path target = cacheDir.resolve(ProxyNames.name(prefix, v.displayWidth(), v.displayHeight()));
        ProxyWriter.write(original, target, ProxyRule.divisor(v), threads, progress);
        String now;
        try {
            now = ProxyNames.prefix(original);
        } catch (IOException e) {
            now = null;
        }
        if (!prefix.equals(now)) {
            Files.deleteIfExists(target);
            throw new MediaException(original, "changed while its proxy was made; ask again");
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(cacheDir, ProxyNames.pathPrefix(original) + "*"
                + ProxyNames.SUFFIX)) {
            for (Path p : s) {
                if (!p.equals(target)) {
                    Files.deleteIfExists(p); // an earlier version of the file
                }
            }
        }
        return target;
    }
}
