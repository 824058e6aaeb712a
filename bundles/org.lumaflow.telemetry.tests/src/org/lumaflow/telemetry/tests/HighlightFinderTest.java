package org.lumaflow.telemetry.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;
import org.lumaflow.telemetry.Alignment;
import org.lumaflow.telemetry.Channel;
import org.lumaflow.telemetry.Channels;
import org.lumaflow.telemetry.Highlight;
import org.lumaflow.telemetry.HighlightOptions;
import org.lumaflow.telemetry.Tag;
import org.lumaflow.telemetry.Telemetry;
import org.lumaflow.telemetry.TimeSeries;
import org.lumaflow.telemetry.internal.ArraySeries;
import org.lumaflow.telemetry.internal.highlights.HighlightFinderImpl;

/** Highlight candidates on synthetic telemetry with events at known times. */
class HighlightFinderTest {

    static final double G = 9.80665;
    static final HighlightFinderImpl FINDER = new HighlightFinderImpl();
    static final HighlightOptions O = HighlightOptions.defaults();
    static final Alignment CLOCK = new Alignment(0, Alignment.Method.VIDEO_CLOCK, "test");

    /** Deterministic sensor noise, about ±0.05 of the unit. */
    static double noise(int i, int channel) {
        return 0.05 * Math.sin(i * 12.9898 + channel * 78.233) * Math.cos(i * 4.1414 + channel);
    }

    /** 200 Hz accelerometer for {@code seconds}: gravity plus {@code g(t)} (g units along z) plus noise. */
    static TimeSeries accel(double seconds, DoubleUnaryOperator gz) {
        ArraySeries.Builder b = new ArraySeries.Builder("ACCL", List.of(new Channel(Channels.ACCEL_X, "m/s²"),
                new Channel(Channels.ACCEL_Y, "m/s²"), new Channel(Channels.ACCEL_Z, "m/s²")));
        for (int i = 0; i * 0.005 <= seconds; i++) {
            double t = i * 0.005;
            b.add(t, noise(i, 0) * G, noise(i, 1) * G, (gz.applyAsDouble(t) + noise(i, 2)) * G);
        }
        return b.build();
    }

    /** 400 Hz gyroscope: rates {x(t), y(t), z(t)} rad/s. */
    static TimeSeries gyro(double seconds, DoubleUnaryOperator x, DoubleUnaryOperator z) {
        ArraySeries.Builder b = new ArraySeries.Builder("GYRO", List.of(new Channel(Channels.GYRO_X, "rad/s"),
                new Channel(Channels.GYRO_Y, "rad/s"), new Channel(Channels.GYRO_Z, "rad/s")));
        for (int i = 0; i * 0.0025 <= seconds; i++) {
            double t = i * 0.0025;
            b.add(t, x.applyAsDouble(t) + noise(i, 3) * 0.2, noise(i, 4) * 0.2, z.applyAsDouble(t) + noise(i, 5) * 0.2);
        }
        return b.build();
    }

    /** 10 Hz GPS with speed {@code v(t)} (and a position and altitude). */
    static TimeSeries gps(double seconds, DoubleUnaryOperator v) {
        ArraySeries.Builder b = new ArraySeries.Builder("GPS5", List.of(new Channel(Channels.LAT, "deg"),
                new Channel(Channels.LON, "deg"), new Channel(Channels.ALT, "m"), new Channel(Channels.SPEED_2D, "m/s"),
                new Channel(Channels.SPEED_3D, "m/s")));
        for (int i = 0; i * 0.1 <= seconds; i++) {
            double t = i * 0.1;
            double s = v.applyAsDouble(t) + noise(i, 6);
            b.add(t, 46.5 + t * 1e-5, 7.9, 1000 + t, s, s);
        }
        return b.build();
    }

    static Telemetry telemetry(List<Tag> tags, TimeSeries... streams) {
        Map<String, TimeSeries> m = new java.util.LinkedHashMap<>();
        for (TimeSeries s : streams) {
            m.put(s.name(), s);
        }
        return new Telemetry(Path.of("synthetic.bin"), "test", "", null, true, m, tags, List.of());
    }

    static List<Highlight> of(List<Highlight> all, String kind) {
        return all.stream().filter(h -> h.kind().equals(kind)).toList();
    }

    static double bump(double t, double at, double width) {
        return Math.exp(-Math.pow((t - at) / width, 2));
    }

    @Test
    void aJumpIsFreeFallThenImpactAndItsLandingIsAGPeak() {
        // free fall 10.0..10.6 s (0.05 g), landing 3 g for 0.1 s; a hard bump without free fall at 25 s (2.5 g)
        TimeSeries a = accel(40, t -> t >= 10 && t < 10.6 ? 0.05 : t >= 10.6 && t < 10.7 ? 3
                : t >= 25 && t < 25.2 ? 2.5 : 1);
        List<Highlight> c = FINDER.candidates(telemetry(List.of(), a), CLOCK, O);
        List<Highlight> jumps = of(c, HighlightOptions.JUMP);
        assertEquals(1, jumps.size(), c.toString());
        Highlight j = jumps.get(0);
        assertEquals(10.0, j.start(), 0.05, "take-off");
        assertEquals(10.63, j.peak(), 0.08, "landing");
        assertEquals(0.6, j.magnitude(), 0.06, "air time");
        List<Highlight> g = of(c, HighlightOptions.G_FORCE);
        assertEquals(2, g.size(), g.toString());
        assertEquals(10.65, g.get(0).peak(), 0.07);
        assertEquals(3.0, g.get(0).magnitude(), 0.1);
        assertEquals(25.1, g.get(1).peak(), 0.12);
        assertEquals(2.5, g.get(1).magnitude(), 0.1);
    }

    @Test
    void aShortDropOrASlowDescentIsNoJump() {
        // 0.15 s of free fall then impact (too short); 1 g all the way down a slope otherwise
        TimeSeries a = accel(20, t -> t >= 5 && t < 5.15 ? 0.05 : t >= 5.15 && t < 5.25 ? 3 : 1);
        assertTrue(of(FINDER.candidates(telemetry(List.of(), a), CLOCK, O), HighlightOptions.JUMP).isEmpty());
        // free fall with no landing within half a second (a dropped camera caught softly)
        TimeSeries soft = accel(20, t -> t >= 5 && t < 5.6 ? 0.05 : 1);
        assertTrue(of(FINDER.candidates(telemetry(List.of(), soft), CLOCK, O), HighlightOptions.JUMP).isEmpty());
    }

    @Test
    void aSpinIsIntegratedRotationAndShakingIsNot() {
        // one full turn about z in 1 s at 40..41 s; the whole time a 1.5 Hz shake of 2 rad/s about x
        TimeSeries gy = gyro(60, t -> 2 * Math.sin(2 * Math.PI * 1.5 * t), t -> t >= 40 && t < 41 ? 2 * Math.PI : 0);
        List<Highlight> spins = of(FINDER.candidates(telemetry(List.of(), gy), CLOCK, O), HighlightOptions.SPIN);
        assertEquals(1, spins.size(), spins.toString());
        Highlight s = spins.get(0);
        assertEquals(360, s.magnitude(), 25, "one turn");
        assertTrue(s.start() <= 40.05 && s.end() >= 40.95 && s.end() - s.start() <= O.spinWindow() + 0.01,
                s.toString());
        assertEquals(40.5, s.peak(), 1.1);
    }

    @Test
    void speedPeaksAndHardBraking() {
        // cruising at 5 m/s; a peak of 15 m/s at 50 s (never more than 2.2 m/s² up or down); braking from 12 to 2 m/s between 30 and 31.5 s
        TimeSeries g = gps(80, t -> 5 + 10 * bump(t, 50, 4) + (t < 25 ? 0 : t < 30 ? 7 * (t - 25) / 5
                : t < 31.5 ? 7 - 10 * (t - 30) / 1.5 : t < 36 ? -3 + 3 * (t - 31.5) / 4.5 : 0));
        List<Highlight> c = FINDER.candidates(telemetry(List.of(), g), CLOCK, O);
        List<Highlight> peaks = of(c, HighlightOptions.SPEED);
        assertTrue(peaks.stream().anyMatch(p -> Math.abs(p.peak() - 50) < 0.3 && Math.abs(p.magnitude() - 15) < 0.6),
                peaks.toString());
        List<Highlight> braking = of(c, HighlightOptions.BRAKING);
        assertEquals(1, braking.size(), c.toString());
        assertEquals(30.75, braking.get(0).peak(), 0.5);
        assertTrue(braking.get(0).magnitude() > 4 && braking.get(0).magnitude() < 7, braking.toString());
        assertTrue(of(c, HighlightOptions.ACCELERATION).isEmpty(), "7 m/s over 5 s is no hard acceleration: " + c);
    }

    @Test
    void hiLightTagsAndTheAlignmentOffset() {
        TimeSeries a = accel(30, t -> t >= 10 && t < 10.6 ? 0.05 : t >= 10.6 && t < 10.7 ? 3 : 1);
        Telemetry t = telemetry(List.of(new Tag(20, "hilight", ""), new Tag(22, "lap", "2")), a);
        Alignment shifted = new Alignment(-4, Alignment.Method.MANUAL, "test");
        List<Highlight> c = FINDER.candidates(t, shifted, O);
        List<Highlight> tags = of(c, HighlightOptions.HILIGHT);
        assertEquals(1, tags.size(), "laps are not HiLights");
        assertEquals(16, tags.get(0).peak(), 1e-9, "media time = telemetry time + offset");
        assertEquals(6.63, of(c, HighlightOptions.JUMP).get(0).peak(), 0.08);
    }

    @Test
    void selectionMergesSpreadsKeepsTheTopAndClampsTheRoll() {
        List<Highlight> c = new ArrayList<>();
        c.add(Highlight.candidate(HighlightOptions.JUMP, 10.0, 10.6, 10.6, 0.6, "jump"));
        c.add(Highlight.candidate(HighlightOptions.G_FORCE, 10.55, 10.7, 10.65, 3.0, "3 g"));
        c.add(Highlight.candidate(HighlightOptions.HILIGHT, 11, 11, 11, 1, "HiLight"));
        c.add(Highlight.candidate(HighlightOptions.JUMP, 0.5, 1.0, 1.0, 0.5, "small jump at the start"));
        c.add(Highlight.candidate(HighlightOptions.SPEED, 15, 17, 16, 20, "fast, but 5.4 s after the jump"));
        c.add(Highlight.candidate(HighlightOptions.SPIN, 40, 41, 40.5, 360, "spin"));
        c.add(Highlight.candidate(HighlightOptions.G_FORCE, 59.8, 59.9, 59.85, 2.2, "bump at the end"));
        c.add(Highlight.candidate(HighlightOptions.SPEED, 80, 82, 81, 25, "after the media ends"));
        List<Highlight> s = FINDER.select(c, 60, O.withTop(4).withSpacing(8).withRoll(2, 3));
        assertEquals(4, s.size(), s.toString());
        for (int i = 0; i < s.size(); i++) {
            for (int k = i + 1; k < s.size(); k++) {
                assertTrue(Math.abs(s.get(i).peak() - s.get(k).peak()) >= 8, "spacing: " + s);
            }
            assertTrue(i == 0 || s.get(i).start() >= s.get(i - 1).start(), "by start");
        }
        Highlight first = s.get(0);
        assertEquals(1.0, first.peak(), 1e-9);
        assertEquals(0, first.start(), 1e-9, "the pre roll stops at 0");
        Highlight jump = s.get(1);
        assertEquals(List.of(HighlightOptions.JUMP, HighlightOptions.HILIGHT, HighlightOptions.G_FORCE), jump.kinds(),
                "jump, HiLight and landing merged (strongest first)");
        assertEquals(8.0, jump.start(), 1e-9);
        assertEquals(14.0, jump.end(), 1e-9, "11 s (the HiLight) + 3 s");
        assertEquals(1.0 + 0.25 * (1.0 + 0.7), jump.score(), 1e-9);
        assertTrue(s.stream().noneMatch(h -> h.peak() == 16), "the speed peak is within 8 s of the jump");
        assertEquals(40.5, s.get(2).peak(), 1e-9);
        Highlight last = s.get(3);
        assertEquals(59.85, last.peak(), 1e-9);
        assertEquals(60, last.end(), 1e-9, "the post roll stops at the media's end");
        assertTrue(s.stream().noneMatch(h -> h.peak() > 60), "nothing after the media");
        // weights decide: with speed weighing 3, the speed peak beats the (merged) jump
        List<Highlight> fast = FINDER.select(c, 60, O.withTop(1).withWeight(HighlightOptions.SPEED, 3));
        assertEquals(16, fast.get(0).peak(), 1e-9);
    }
}
