package org.lumaflow.export.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lumaflow.export.ExportSettings;

/** Encoder candidates per codec (hardware first) and how our quality settings map onto each encoder's options. */
final class EncoderCatalog {

    private EncoderCatalog() {
    }

    static List<String> candidates(String codec) {
        return switch (codec) {
            case "h264" -> List.of("h264_nvenc", "h264_qsv", "h264_vaapi", "h264_vulkan", "libx264", "libopenh264");
            case "hevc" -> List.of("hevc_nvenc", "hevc_qsv", "hevc_vaapi", "hevc_vulkan", "libx265");
            case "av1" -> List.of("av1_nvenc", "av1_qsv", "av1_vaapi", "libsvtav1", "libaom-av1");
            case "vp9" -> List.of("vp9_qsv", "vp9_vaapi", "libvpx-vp9");
            case "prores" -> List.of("prores_ks", "prores");
            case "gif" -> List.of("gif");
            default -> throw new IllegalArgumentException("unknown codec '" + codec
                    + "' (use h264, hevc, av1, vp9, prores or gif)");
        };
    }

    static boolean hardware(String encoder) {
        return encoder.endsWith("_nvenc") || encoder.endsWith("_qsv") || encoder.endsWith("_vaapi")
                || encoder.endsWith("_vulkan") || encoder.endsWith("_amf");
    }

    /** Why an encoder missing from the loaded FFmpeg build is missing. */
    static String missingReason(String encoder) {
        if (encoder.equals("libx264") || encoder.equals("libx265")) {
            return "not in the LGPL FFmpeg build (install the GPL codec pack org.lumaflow.media.ffmpeg.gpl)";
        }
        return "not in this FFmpeg build";
    }

    /** Default constant-quality value per codec (visually good, PSNR >= 40 dB on typical material). */
    static int defaultCrf(String codec) {
        return switch (codec) {
            case "hevc" -> 26;
            case "av1" -> 32;
            case "vp9" -> 31;
            default -> 21;
        };
    }

    /** Encoder options (AVOptions) for the settings. */
    static Map<String, String> options(String encoder, String codec, ExportSettings s, int w, int h, double fps) {
        Map<String, String> o = new LinkedHashMap<>();
        int crf = s.crf() >= 0 ? s.crf() : defaultCrf(codec);
        boolean rate = s.bitrate() > 0;
        if (rate) {
            o.put("b", Long.toString(s.bitrate()));
        }
        switch (encoder) {
            case "libx264", "libx265" -> {
                if (!rate) {
                    o.put("crf", Integer.toString(crf));
                }
                o.put("preset", s.preset() != null ? s.preset() : "veryfast");
            }
            case "libopenh264" -> {
                // no constant-quality mode: a bit rate from the crf (bits per pixel halve every 6 steps)
                if (!rate) {
                    double bpp = 0.12 * Math.pow(2, (21 - crf) / 6.0);
                    o.put("b", Long.toString(Math.round(bpp * w * h * fps)));
                }
                o.put("rc_mode", "bitrate");
                o.put("allow_skip_frames", "0");
            }
            case "libsvtav1" -> {
                if (!rate) {
                    o.put("crf", Integer.toString(crf));
                }
                o.put("preset", s.preset() != null ? s.preset() : "8");
            }
            case "libaom-av1" -> {
                if (!rate) {
                    o.put("crf", Integer.toString(crf));
                    o.put("b", "0");
                }
                o.put("cpu-used", s.preset() != null ? s.preset() : "8");
                o.put("row-mt", "1");
            }
            case "libvpx-vp9" -> {
                if (!rate) {
                    o.put("crf", Integer.toString(crf));
                    o.put("b", "0");
                }
                o.put("deadline", "realtime");
                o.put("cpu-used", s.preset() != null ? s.preset() : "8");
                o.put("row-mt", "1");
            }
            case "prores_ks", "prores" -> o.put("profile", "2");
            case "gif" -> o.clear(); // palette per frame, no rate control
            default -> {
                if (encoder.endsWith("_nvenc")) {
                    if (!rate) {
                        o.put("rc", "vbr");
                        o.put("cq", Integer.toString(crf));
                    }
                    o.put("preset", s.preset() != null ? s.preset() : "p4");
                } else if (encoder.endsWith("_qsv")) {
                    if (!rate) {
                        o.put("global_quality", Integer.toString(crf));
                    }
                } else if (encoder.endsWith("_vaapi") || encoder.endsWith("_vulkan")) {
                    if (!rate) {
                        o.put("qp", Integer.toString(crf));
                    }
                }
            }
        }
        return o;
    }
}
