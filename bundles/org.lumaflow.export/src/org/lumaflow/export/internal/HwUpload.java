package org.lumaflow.export.internal;

import static org.bytedeco.ffmpeg.global.avutil.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avutil.AVBufferRef;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVHWFramesContext;
import org.lumaflow.media.ffmpeg.FFmpeg;

/**
 * Upload of our NV12 frames into hardware frames for encoders that take only those (VA-API, Vulkan): the equivalent of
 * FFmpeg's {@code hwupload} filter through libavutil's hwcontext. A device ({@code av_hwdevice_ctx_create}), a frames
 * context of the encoder's size with software format NV12 (its pool grows to what the encoder keeps in flight and
 * reuses surfaces after that), then per frame {@code av_hwframe_get_buffer} + {@code av_hwframe_transfer_data}. The
 * VA-API device is {@code /dev/dri/renderD128} unless {@code -Dlumaflow.export.vaapiDevice=PATH} says otherwise.
 * Not thread-safe: one per encoder.
 */
final class HwUpload implements AutoCloseable {

    /** The render node VA-API encoders open. */
    static Path vaapiDevice() {
        return Path.of(System.getProperty("lumaflow.export.vaapiDevice", "/dev/dri/renderD128"));
    }

    private final AVBufferRef device;
    private final AVBufferRef frames;
    private final AVFrame hw = av_frame_alloc();

    private HwUpload(AVBufferRef device, AVBufferRef frames) {
        this.device = device;
        this.frames = frames;
    }

    /**
     * Why {@code encoder} cannot run on this machine without trying, or null: a VA-API encoder needs its render node;
     * a Vulkan encoder needs a hardware GPU's device node ({@code /dev/dri/renderD*} or {@code /dev/nvidia*}), since
     * software Vulkan (lavapipe) has no video encode queue and would only load a large driver to say so.
     */
    static String missingDevice(String encoder) {
        if (encoder.endsWith("_vaapi")) {
            Path dev = vaapiDevice();
            return Files.exists(dev) ? null : "no VA-API device (" + dev + " does not exist: no GPU or no DRM render "
                    + "node on this machine)";
        }
        if (encoder.endsWith("_vulkan") && !gpuNode()) {
            return "no GPU device (no /dev/dri/renderD* or /dev/nvidia* on this machine; software Vulkan cannot "
                    + "encode video)";
        }
        return null;
    }

    private static boolean gpuNode() {
        if (Files.exists(Path.of("/dev/nvidia0"))) {
            return true;
        }
        try (var s = Files.newDirectoryStream(Path.of("/dev/dri"), "renderD*")) {
            return s.iterator().hasNext();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** Whether {@code encoder} takes hardware frames only (and so needs an upload). */
    static boolean needed(String encoder) {
        return encoder.endsWith("_vaapi") || encoder.endsWith("_vulkan");
    }

    /** The hardware pixel format of the encoder's frames. */
    static int pixelFormat(String encoder) {
        return encoder.endsWith("_vaapi") ? AV_PIX_FMT_VAAPI : AV_PIX_FMT_VULKAN;
    }

    /**
     * Opens the device and a frames context for {@code width} x {@code height} NV12 pictures.
     *
     * @throws IOException naming the missing device or FFmpeg's reason
     */
    static HwUpload open(String encoder, int width, int height) throws IOException {
        boolean vaapi = encoder.endsWith("_vaapi");
        int type = vaapi ? AV_HWDEVICE_TYPE_VAAPI : AV_HWDEVICE_TYPE_VULKAN;
        String node = null;
        if (vaapi) {
            Path dev = vaapiDevice();
            if (!Files.exists(dev)) {
                throw new IOException(encoder + ": no VA-API device (" + dev + " does not exist: no GPU or no DRM "
                        + "render node on this machine)");
            }
            if (!Files.isReadable(dev) || !Files.isWritable(dev)) {
                throw new IOException(encoder + ": the VA-API device " + dev + " is not accessible to this user "
                        + "(add the user to the render group)");
            }
            node = dev.toString();
        }
        AVBufferRef dev = new AVBufferRef(null);
        FFmpeg.clearLog();
        int r = av_hwdevice_ctx_create(dev, type, node, null, 0);
        if (r < 0 || dev.isNull()) {
            throw new IOException(encoder + ": cannot open the " + (vaapi ? "VA-API device " + node : "Vulkan device")
                    + " (" + FFmpeg.explain(r) + ")");
        }
        AVBufferRef fr = av_hwframe_ctx_alloc(dev);
        if (fr == null || fr.isNull()) {
            av_buffer_unref(dev);
            throw new IOException(encoder + ": cannot allocate hardware frames");
        }
        AVHWFramesContext fc = new AVHWFramesContext(fr.data());
        fc.format(pixelFormat(encoder));
        fc.sw_format(AV_PIX_FMT_NV12);
        fc.width(width);
        fc.height(height);
        fc.initial_pool_size(Integer.getInteger("lumaflow.export.hwFramePool", 0)); // 0: grows to need, reused
        r = av_hwframe_ctx_init(fr);
        if (r < 0) {
            av_buffer_unref(fr);
            av_buffer_unref(dev);
            throw new IOException(encoder + ": the device cannot hold " + width + "x" + height + " NV12 frames ("
                    + FFmpeg.explain(r) + ")");
        }
        return new HwUpload(dev, fr);
    }

    /** Points the encoder at the frames context (before {@code avcodec_open2}). */
    void attach(AVCodecContext c) {
        c.pix_fmt(new AVHWFramesContext(frames.data()).format());
        c.hw_frames_ctx(av_buffer_ref(frames));
    }

    /**
     * Uploads {@code sw} (NV12, pts set) into a hardware frame of the pool and returns it; the caller sends it and
     * then calls {@link #sent()}.
     */
    AVFrame upload(AVFrame sw) throws IOException {
        int r = av_hwframe_get_buffer(frames, hw, 0);
        if (r < 0) {
            throw new IOException("no free hardware frame (" + FFmpeg.error(r) + ")");
        }
        r = av_hwframe_transfer_data(hw, sw, 0);
        if (r < 0) {
            av_frame_unref(hw);
            throw new IOException("uploading a frame failed (" + FFmpeg.error(r) + ")");
        }
        hw.pts(sw.pts());
        hw.color_range(sw.color_range());
        hw.colorspace(sw.colorspace());
        hw.color_primaries(sw.color_primaries());
        hw.color_trc(sw.color_trc());
        return hw;
    }

    /** Drops our reference to the uploaded frame (the encoder holds its own while it needs it). */
    void sent() {
        av_frame_unref(hw);
    }

    @Override
    public void close() {
        av_frame_free(hw);
        av_buffer_unref(frames);
        av_buffer_unref(device);
    }
}
