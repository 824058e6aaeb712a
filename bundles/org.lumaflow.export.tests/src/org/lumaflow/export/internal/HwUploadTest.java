package org.lumaflow.export.internal;

import static org.bytedeco.ffmpeg.global.avutil.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;
import org.junit.jupiter.api.Test;
import org.lumaflow.export.EncoderChoice;

/**
 * VA-API and Vulkan encoders get their frames through a hardware-frames context ({@link HwUpload}); without a device
 * the probe says which device is missing, and selection falls back to software. Where a device exists the probe
 * really encodes (and either works or names FFmpeg's reason). The upload itself runs on software Vulkan (lavapipe)
 * here: frames go up through the NV12 frames context and come back identical.
 */
class HwUploadTest {

    @Test
    void vaapiProbeNamesTheMissingDeviceOrEncodes() {
        EncoderChoice c = EncoderProbe.probe("h264_vaapi", "h264");
        System.out.println("probe: " + c);
        assertTrue(c.hardware());
        assertFalse(c.reason().contains("hardware frames reference"), "upload is in place: " + c.reason());
        if (!Files.exists(HwUpload.vaapiDevice())) {
            assertFalse(c.usable());
            assertTrue(c.reason().contains("no VA-API device") && c.reason().contains(HwUpload.vaapiDevice()
                    .toString()), c.reason());
        } else {
            assertTrue(c.usable() || !c.reason().isBlank(), c.toString());
        }
    }

    @Test
    void aMissingVaapiDeviceIsNamedWhenOpeningTheEncoder() {
        String old = System.getProperty("lumaflow.export.vaapiDevice");
        System.setProperty("lumaflow.export.vaapiDevice", "/dev/dri/renderD199-missing");
        try {
            java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                    () -> new VideoEncoder("hevc_vaapi", null, null, 256, 144,
                            org.lumaflow.core.time.FrameRate.FPS_25, 12, java.util.Map.of()).close());
            assertTrue(e.getMessage().startsWith("hevc_vaapi: no VA-API device (/dev/dri/renderD199-missing"),
                    e.getMessage());
        } finally {
            if (old == null) {
                System.clearProperty("lumaflow.export.vaapiDevice");
            } else {
                System.setProperty("lumaflow.export.vaapiDevice", old);
            }
        }
    }

    @Test
    void vulkanGoesThroughTheHardwareFramesContext() {
        EncoderChoice c = EncoderProbe.probe("h264_vulkan", "h264");
        System.out.println("probe: " + c);
        assertTrue(c.hardware());
        assertFalse(c.reason().contains("hardware frames reference"), "upload is in place: " + c.reason());
        String missing = HwUpload.missingDevice("h264_vulkan");
        if (missing != null) {
            assertFalse(c.usable());
            assertTrue(c.reason().startsWith("no GPU device (no /dev/dri/renderD*"), c.reason());
        }
        // the encoder itself always tries: here (software Vulkan, lavapipe) the device and its NV12 frames context
        // are created and the encoder refuses for want of a video encode queue; on a GPU it encodes
        try (VideoEncoder enc = new VideoEncoder("h264_vulkan", null, null, 256, 144,
                org.lumaflow.core.time.FrameRate.FPS_25, 12, java.util.Map.of())) {
            assertTrue(enc.input() == org.lumaflow.core.pool.PixelFormat.NV12, "hardware encoders are fed NV12");
            System.out.println("h264_vulkan opened");
        } catch (java.io.IOException e) {
            System.out.println("h264_vulkan: " + e.getMessage());
            assertTrue(e.getMessage().startsWith("h264_vulkan: "), e.getMessage());
            assertFalse(e.getMessage().contains("hardware frames reference"), e.getMessage());
        }
    }

    @Test
    void framesUploadedThroughTheVulkanFramesContextComeBackIdentical() throws Exception {
        HwUpload up;
        try {
            up = HwUpload.open("h264_vulkan", 256, 144);
        } catch (java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no Vulkan device here: " + e.getMessage());
            return;
        }
        AVFrame sw = av_frame_alloc();
        AVFrame back = av_frame_alloc();
        try {
            sw.format(AV_PIX_FMT_NV12);
            sw.width(256);
            sw.height(144);
            assertEquals(0, av_frame_get_buffer(sw, 0));
            for (int p = 0; p < 2; p++) {
                BytePointer d = sw.data(p);
                int rows = p == 0 ? 144 : 72;
                for (int y = 0; y < rows; y++) {
                    for (int x = 0; x < 256; x++) {
                        d.put((long) y * sw.linesize(p) + x, (byte) (p * 77 + x * 3 + y * 5));
                    }
                }
            }
            for (int k = 0; k < 6; k++) { // more frames than the encoder would keep: the pool reuses surfaces
                sw.pts(k);
                AVFrame hw = up.upload(sw);
                assertEquals(AV_PIX_FMT_VULKAN, hw.format());
                assertEquals(k, hw.pts());
                assertEquals(0, av_hwframe_transfer_data(back, hw, 0), "download");
                up.sent();
                assertEquals(AV_PIX_FMT_NV12, back.format());
                for (int p = 0; p < 2; p++) {
                    int rows = p == 0 ? 144 : 72;
                    for (int y = 0; y < rows; y++) {
                        for (int x = 0; x < 256; x++) {
                            assertEquals(sw.data(p).get((long) y * sw.linesize(p) + x),
                                    back.data(p).get((long) y * back.linesize(p) + x),
                                    "plane " + p + " at " + x + "," + y + " of frame " + k);
                        }
                    }
                }
                av_frame_unref(back);
            }
        } finally {
            av_frame_free(back);
            av_frame_free(sw);
            up.close();
        }
    }

    @Test
    void selectionFallsBackToSoftwareWithoutAHardwareEncoder() {
        EncoderChoice first = null;
        for (String name : EncoderCatalog.candidates("h264")) {
            EncoderChoice c = EncoderProbe.probe(name, "h264");
            if (c.usable()) {
                first = c;
                break;
            }
            assertFalse(c.reason().isBlank(), name + " skipped without a reason");
        }
        assertTrue(first != null, "some h264 encoder is usable");
        if (!Files.exists(HwUpload.vaapiDevice()) && !first.hardware()) {
            assertTrue(first.name().startsWith("lib"), first.toString());
        }
    }
}
