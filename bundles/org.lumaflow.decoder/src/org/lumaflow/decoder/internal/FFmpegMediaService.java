package org.lumaflow.decoder.internal;

import java.nio.file.Path;

import org.lumaflow.core.pool.FrameKey;
import org.lumaflow.core.pool.FramePool;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.core.pool.Usage;
import org.lumaflow.decoder.AudioSource;
import org.lumaflow.decoder.MediaException;
import org.lumaflow.decoder.MediaInfo;
import org.lumaflow.decoder.MediaService;
import org.lumaflow.decoder.VideoSource;
import org.lumaflow.decoder.VideoStreamInfo;
import org.osgi.service.component.annotations.Component;

/** {@link MediaService} on FFmpeg (software decoding; FFmpeg picks its frame-threaded decoders). */
@Component(service = MediaService.class)
public final class FFmpegMediaService implements MediaService {

    /** The instance for code outside OSGi (benchmarks); in OSGi use the service. */
    public static final FFmpegMediaService INSTANCE = new FFmpegMediaService();

    @Override
    public MediaInfo probe(Path file) throws MediaException {
        return Prober.probe(file);
    }

    @Override
    public VideoSource openVideo(Path file, int width, int height, Fit fit, FramePool pool, int lookahead)
            throws MediaException {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("bad output size " + width + "x" + height);
        }
        return new LookaheadReader(new VideoDecoder(file), width, height, fit, pool, lookahead);
    }

    @Override
    public boolean yuvReadable(VideoStreamInfo v) {
        return v != null && "yuv420p".equals(v.pixelFormat()) && v.rotation() == 0;
    }

    @Override
    public VideoSource openVideoYuv(Path file, PixelFormat format, FramePool pool, int lookahead)
            throws MediaException {
        VideoDecoder dec = new VideoDecoder(file, false, VideoDecoder.transcodeThreads());
        VideoStreamInfo v = dec.info();
        if (!yuvReadable(v)) {
            dec.close();
            throw new MediaException(file, "pictures are " + v.pixelFormat() + (v.rotation() != 0 ? " rotated" : "")
                    + ", not plain yuv420p: they need converting");
        }
        return new LookaheadReader(dec, new FrameKey(v.width(), v.height(), format, Usage.DECODE),
                new YuvCopier(format), pool, lookahead);
    }

    @Override
    public org.lumaflow.decoder.PictureSource openPictures(Path file, int lookahead) throws MediaException {
        return new PictureReader(file, lookahead);
    }

    @Override
    public AudioSource openAudio(Path file) throws MediaException {
        return new AudioReader(file);
    }
}
