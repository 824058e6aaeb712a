package org.lumaflow.ui.internal.parts.export;

/**
 * What each encoder really writes with the exporter's settings (8-bit 4:2:0, no profile forced), so the export part
 * states the chosen encoder's profile instead of promising one: openh264 writes only Constrained Baseline, x264 High,
 * NVENC Main. Checked against real files by the UI tests (EncoderProfilesTest reads the profile from the avcC box).
 */
public final class EncoderProfiles {

    private EncoderProfiles() {
    }

    /** The profile {@code encoder} writes ("H.264 Constrained Baseline"), or null when the table does not know it. */
    public static String of(String encoder) {
        if (encoder == null) {
            return null;
        }
        return switch (encoder) {
            case "libopenh264" -> "H.264 Constrained Baseline (no B-frames, CAVLC)";
            case "libx264" -> "H.264 High";
            case "h264_nvenc" -> "H.264 Main";
            case "h264_qsv", "h264_vaapi", "h264_vulkan" -> "H.264, the driver's default profile (usually High)";
            case "libx265", "hevc_nvenc", "hevc_qsv", "hevc_vaapi", "hevc_vulkan" -> "HEVC Main";
            case "libsvtav1", "libaom-av1", "av1_nvenc", "av1_qsv", "av1_vaapi" -> "AV1 Main";
            case "libvpx-vp9", "vp9_qsv", "vp9_vaapi" -> "VP9 Profile 0";
            case "prores_ks", "prores" -> "ProRes 422";
            default -> null;
        };
    }

    /** The H.264 profile_idc the table promises for {@code encoder} (66 baseline, 77 main, 100 high), or -1. */
    public static int h264ProfileIdc(String encoder) {
        String p = of(encoder);
        if (p == null || !p.startsWith("H.264 ")) {
            return -1;
        }
        return p.startsWith("H.264 Constrained Baseline") ? 66 : p.startsWith("H.264 Main") ? 77
                : p.startsWith("H.264 High") ? 100 : -1;
    }

    /** " Writes H.264 High." for the describing line, or "" when unknown. */
    static String sentence(String encoder) {
        String p = of(encoder);
        return p == null ? "" : " Writes " + p + ".";
    }
}
