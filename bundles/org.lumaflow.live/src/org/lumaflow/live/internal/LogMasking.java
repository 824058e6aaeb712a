package org.lumaflow.live.internal;

import org.lumaflow.live.Secrets;
import org.lumaflow.media.ffmpeg.internal.LogMasker;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * While the live bundle runs, every FFmpeg log line goes through {@link Secrets#mask} ({@link LogMasker}): FFmpeg repeats URLs (with RTMP
 * stream keys, SRT passphrases) in its connection messages, which would otherwise reach the debug log unmasked.
 */
@Component(immediate = true, service = LogMasking.class)
public final class LogMasking {

    @Activate
    void activate() {
        LogMasker.set(Secrets::mask); // not FFmpegLog: its class initialisation loads FFmpeg
    }

    @Deactivate
    void deactivate() {
        LogMasker.set(null);
    }
}
