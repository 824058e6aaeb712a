package org.lumaflow.export.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.lumaflow.export.EncoderChoice;

/**
 * VA-API and Vulkan encoders get their frames through a hardware-frames context ({@link HwUpload}); without a device
 * the probe says which device is missing, and selection falls back to software. Where a device exists the probe
 * really encodes (and either works or names FFmpeg's reason).
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
