package org.lumaflow.ui.internal.parts.export;

import java.util.List;

/** The export part's presets: starting points for the settings. */
final class Presets {

    private Presets() {
    }

    /**
     * A starting point for the settings.
     *
     * @param width  0: the timeline's size; -1 with a height: keep the timeline's aspect; else width x height,
     *               or a width with height -1 for the aspect
     */
    record Preset(String name, String container, String codec, int crf, long bitrate, String speed, int width,
            int height, boolean audio, boolean qc, String hint) {
    }

    static final List<Preset> ALL = List.of(
            new Preset("H.264 1080p (CRF 20)", "mp4", "h264", 20, 0, null, 1920, 1080, true, true,
                    "Delivery master for the web: H.264 (the profile the encoder writes is shown below), constant quality 20, AAC audio"),
            new Preset("H.264 fast draft 720p", "mp4", "h264", 28, 0, null, 1280, 720, true, false,
                    "Quick review copy: 720p, lower quality, no QC"),
            new Preset("HEVC 4K (CRF 24)", "mp4", "hevc", 24, 0, null, 3840, 2160, true, true,
                    "UHD delivery in HEVC (hardware encoder when one works)"),
            new Preset("ProRes 422 .mov", "mov", "prores", -1, 0, null, 0, 0, true, true,
                    "Intermediate for finishing: ProRes 422 (the exporter's profile) at the timeline's size"),
            new Preset("WebM VP9", "webm", "vp9", 31, 0, null, 0, 0, true, true,
                    "Open web format: VP9 with Opus audio"),
            new Preset("AV1 .mkv (CRF 32)", "mkv", "av1", 32, 0, null, 0, 0, true, true,
                    "Small files, slow encoders unless the GPU has AV1"),
            new Preset("GIF 480 wide", "gif", "gif", -1, 0, null, 480, -1, false, false,
                    "Animated GIF, palette per frame with dithering; no audio, no QC"));
}
