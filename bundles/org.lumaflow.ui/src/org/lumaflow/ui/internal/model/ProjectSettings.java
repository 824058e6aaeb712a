package org.lumaflow.ui.internal.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.lumaflow.core.time.FrameRate;
import org.lumaflow.engine.project.Project;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.engine.timeline.VideoFormat;

/**
 * A project's settings: name, picture size, frame rate, audio sample rate. Used by File > New project (a new project
 * with tracks V1 and A1) and File > Project settings (one undoable edit).
 *
 * <p>The model has no sample-rate field: it is kept in the timeline's metadata under {@link #SAMPLE_RATE_KEY}. The
 * engine's audio mix (TimelineAudio) always runs at 48 kHz; the setting records what the project was made for.
 *
 * <p>The timeline's format is fixed in the model, so a change of size or rate replaces the project with a copy in the
 * new format holding the same tracks (the same objects), markers, metadata, bin and file; clip times are in ticks and
 * keep their place in time.
 *
 * @param name       project name
 * @param width      picture width, even, 16..16384
 * @param height     picture height, even, 16..16384
 * @param rate       frame rate (exact: 24000/1001 for 23.976)
 * @param sampleRate audio sample rate, Hz
 */
public record ProjectSettings(String name, int width, int height, FrameRate rate, int sampleRate) {

    /** Timeline metadata key of the audio sample rate. */
    public static final String SAMPLE_RATE_KEY = "lumaflow.audio.sampleRate";
    /** The default (and the rate the audio mix runs at). */
    public static final int DEFAULT_SAMPLE_RATE = 48000;
    /** Sample rates offered. */
    public static final int[] SAMPLE_RATES = {48000, 44100, 96000};

    /** A picture size preset. */
    public record Preset(String label, int width, int height) {
    }

    /** Picture size presets in menu order (the last entry of the dialog's list is "Custom"). */
    public static final List<Preset> PRESETS = List.of(new Preset("HD 1080p (1920x1080)", 1920, 1080),
            new Preset("HD 720p (1280x720)", 1280, 720), new Preset("4K UHD (3840x2160)", 3840, 2160),
            new Preset("Vertical 1080x1920", 1080, 1920), new Preset("Square 1080x1080", 1080, 1080));

    /** A frame-rate choice: its label and exact rate. */
    public record Rate(String label, FrameRate rate) {
    }

    /** Frame rates offered, exact rationals for the NTSC ones. */
    public static final List<Rate> RATES = List.of(new Rate("23.976", FrameRate.FPS_23_976),
            new Rate("24", FrameRate.FPS_24), new Rate("25", FrameRate.FPS_25),
            new Rate("29.97", FrameRate.FPS_29_97), new Rate("30", FrameRate.FPS_30),
            new Rate("50", FrameRate.FPS_50), new Rate("59.94", FrameRate.FPS_59_94),
            new Rate("60", FrameRate.FPS_60));

    /** Validates; the messages are for the dialog. */
    public ProjectSettings {
        name = name == null ? "" : name.strip();
        String problem = problem(name, width, height);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (rate == null) {
            throw new IllegalArgumentException("choose a frame rate");
        }
        if (sampleRate < 8000 || sampleRate > 192000) {
            throw new IllegalArgumentException("sample rate " + sampleRate + " Hz is out of range (8000..192000)");
        }
    }

    /** Why these values cannot make a project (a sentence), or null when they can. */
    public static String problem(String name, int width, int height) {
        if (name == null || name.isBlank()) {
            return "The project needs a name";
        }
        if (width < 16 || height < 16 || width > 16384 || height > 16384) {
            return "The picture size " + width + "x" + height + " is out of range (16..16384)";
        }
        if (width % 2 != 0 || height % 2 != 0) {
            return "Width and height must be even (4:2:0 video halves them): " + width + "x" + height;
        }
        return null;
    }

    /** The settings of {@code p}. */
    public static ProjectSettings of(Project p) {
        VideoFormat f = p.timeline().format();
        return new ProjectSettings(p.name(), f.width(), f.height(), f.rate(), sampleRate(p.timeline()));
    }

    /** The sample rate a timeline was made for ({@link #DEFAULT_SAMPLE_RATE} when it does not say). */
    public static int sampleRate(Timeline t) {
        try {
            return Integer.parseInt(t.metadata().getOrDefault(SAMPLE_RATE_KEY, "" + DEFAULT_SAMPLE_RATE).strip());
        } catch (NumberFormatException e) {
            return DEFAULT_SAMPLE_RATE;
        }
    }

    /** The picture format. */
    public VideoFormat format() {
        return new VideoFormat(width, height, rate);
    }

    /** The label of the rate ("23.976", or "num/den" for one not offered). */
    public static String rateLabel(FrameRate r) {
        for (Rate x : RATES) {
            if (x.rate().equals(r)) {
                return x.label();
            }
        }
        return r.toString();
    }

    /** "1920x1080, 23.976 fps, 48000 Hz". */
    public String summary() {
        return String.format(Locale.ROOT, "%dx%d, %s fps, %d Hz", width, height, rateLabel(rate), sampleRate);
    }

    /** A new untitled project with these settings and tracks V1 (video) and A1 (audio). */
    public Project newProject() {
        Timeline tl = new Timeline(format());
        tl.tracks().add(new Track("A1", Track.Kind.AUDIO));
        tl.tracks().add(new Track("V1", Track.Kind.VIDEO));
        tl.metadata().put(SAMPLE_RATE_KEY, Integer.toString(sampleRate));
        return new Project(name, tl);
    }

    /**
     * The edit that gives the open project of {@code studio} these settings (one undo step): a rename alone changes
     * the name; a new size or rate puts a copy of the project in the new format in its place.
     */
    public Edit applyTo(Studio studio) {
        Project before = studio.project();
        ProjectSettings old = of(before);
        String label = "Project settings: " + summary();
        if (old.width == width && old.height == height && old.rate.equals(rate)) {
            String oldName = before.name();
            String oldRate = before.timeline().metadata().get(SAMPLE_RATE_KEY);
            return new Edits.Simple(label, Change.PROJECT, () -> {
                before.setName(name);
                before.timeline().metadata().put(SAMPLE_RATE_KEY, Integer.toString(sampleRate));
            }, () -> {
                before.setName(oldName);
                if (oldRate == null) {
                    before.timeline().metadata().remove(SAMPLE_RATE_KEY);
                } else {
                    before.timeline().metadata().put(SAMPLE_RATE_KEY, oldRate);
                }
            });
        }
        Project after = reformat(before, this);
        return new Edits.Simple(label, Change.PROJECT, () -> studio.replaceProject(after),
                () -> studio.replaceProject(before));
    }

    /** A copy of {@code p} in the format of {@code s}, sharing its tracks and markers. */
    static Project reformat(Project p, ProjectSettings s) {
        Timeline from = p.timeline();
        Timeline tl = new Timeline(s.format());
        tl.tracks().addAll(new ArrayList<>(from.tracks()));
        tl.markers().addAll(from.markers());
        tl.metadata().putAll(from.metadata());
        tl.metadata().put(SAMPLE_RATE_KEY, Integer.toString(s.sampleRate));
        tl.setStart(from.start());
        Project out = new Project(s.name, tl);
        out.setFile(p.file());
        out.media().addAll(p.media());
        return out;
    }
}
