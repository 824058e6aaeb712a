package org.lumaflow.decoder.internal;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.util.List;
import java.util.Locale;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecHWConfig;
import org.bytedeco.ffmpeg.avutil.AVBufferRef;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.IntPointer;
import org.lumaflow.media.ffmpeg.FFmpeg;

/**
 * Hardware decoding when the platform has it and it helps: for each device type the decoder supports (CUDA/NVDEC,
 * VAAPI, QSV, Vulkan, in that order) a device is created; the first that opens is attached to the decoder, and its
 * pictures are copied to system memory after decoding. Anything failing falls back to software (the reason is kept).
 * <p>
 * {@code -Dlumaflow.hwdecode=}: {@code auto} (default) uses hardware on machines with fewer than
 * {@value #AUTO_MAX_CORES} cores, where software decoding of large streams is the bottleneck; with more cores FFmpeg's
 * frame-threaded software decoders are faster than decode + download (measured on an H100 host with 16 cores: H.264
 * 1080p 751 fps software vs 149 fps NVDEC, 4K 162 vs 46). {@code on} always tries hardware, {@code off} never,
 * {@code cuda}/{@code vaapi}/{@code qsv}/{@code vulkan} tries that type only.
 * <p>
 * {@code auto} does not try Vulkan: on machines where CUDA, VAAPI and QSV all fail the Vulkan device FFmpeg opens is in
 * practice a software one (Mesa's lavapipe in containers and CI), slower than software decoding, and lavapipe's video
 * decode crashed the process natively after a few decoders were opened and closed in one JVM. {@code on} and
 * {@code vulkan} still try it.
 */
final class HardwareDecode extends AVCodecContext.Get_format_AVCodecContext_IntPointer {

    static final int AUTO_MAX_CORES = 8;

    private static final List<Integer> ORDER = List.of(AV_HWDEVICE_TYPE_CUDA, AV_HWDEVICE_TYPE_VAAPI,
            AV_HWDEVICE_TYPE_QSV, AV_HWDEVICE_TYPE_VULKAN);

    private final int hwFormat;
    private final String type;
    private final AVFrame transfer = av_frame_alloc();

    private HardwareDecode(int hwFormat, String type) {
        this.hwFormat = hwFormat;
        this.type = type;
    }

    /**
     * Attaches a hardware device to {@code ctx} (before {@code avcodec_open2}) and returns the helper to keep, or
     * null for software decoding; {@code why} receives the reason.
     */
    static HardwareDecode attach(AVCodec codec, AVCodecContext ctx, StringBuilder why) {
        String mode = System.getProperty("lumaflow.hwdecode", "auto").toLowerCase(Locale.ROOT);
        if (mode.equals("off")) {
            why.append("hardware decoding off");
            return null;
        }
        if (mode.equals("auto") && Runtime.getRuntime().availableProcessors() >= AUTO_MAX_CORES) {
            why.append(Runtime.getRuntime().availableProcessors()).append(" cores: software is faster here "
                    + "(-Dlumaflow.hwdecode=on to use hardware anyway)");
            return null;
        }
        boolean any = mode.equals("auto") || mode.equals("on");
        for (int wanted : ORDER) {
            String name = av_hwdevice_get_type_name(wanted).getString();
            if (!any && !mode.equals(name) || mode.equals("auto") && wanted == AV_HWDEVICE_TYPE_VULKAN) {
                continue;
            }
            for (int i = 0;; i++) {
                AVCodecHWConfig cfg = avcodec_get_hw_config(codec, i);
                if (cfg == null || cfg.isNull()) {
                    break;
                }
                if (cfg.device_type() != wanted || (cfg.methods() & AV_CODEC_HW_CONFIG_METHOD_HW_DEVICE_CTX) == 0) {
                    continue;
                }
                AVBufferRef device = new AVBufferRef(null);
                FFmpeg.clearLog();
                int r = av_hwdevice_ctx_create(device, wanted, (String) null, (AVDictionary) null, 0);
                if (r < 0) {
                    why.append(name).append(": ").append(FFmpeg.explain(r)).append("; ");
                    break;
                }
                ctx.hw_device_ctx(av_buffer_ref(device));
                av_buffer_unref(device);
                HardwareDecode hw = new HardwareDecode(cfg.pix_fmt(), name);
                ctx.get_format(hw);
                return hw;
            }
        }
        if (why.isEmpty()) {
            why.append("no hardware decoder for this codec");
        }
        return null;
    }

    /** Device type name ({@code cuda}, {@code vaapi}...). */
    String type() {
        return type;
    }

    @Override
    public int call(AVCodecContext ctx, IntPointer formats) {
        for (int i = 0; formats.get(i) != AV_PIX_FMT_NONE; i++) {
            if (formats.get(i) == hwFormat) {
                return hwFormat;
            }
        }
        return formats.get(0); // the decoder cannot use the device for this stream: software
    }

    /** Moves a hardware picture to system memory in place (same AVFrame); software pictures are left alone. */
    int download(AVFrame frame) {
        if (frame.format() != hwFormat) {
            return 0;
        }
        av_frame_unref(transfer);
        int r = av_hwframe_transfer_data(transfer, frame, 0);
        if (r < 0) {
            return r;
        }
        av_frame_copy_props(transfer, frame);
        av_frame_unref(frame);
        av_frame_move_ref(frame, transfer);
        return 0;
    }

    void free() {
        av_frame_free(transfer);
    }
}
