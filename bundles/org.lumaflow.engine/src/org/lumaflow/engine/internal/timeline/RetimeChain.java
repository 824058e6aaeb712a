package org.lumaflow.engine.internal.timeline;

import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.List;

import org.lumaflow.core.time.Rational;
import org.lumaflow.core.time.Ticks;
import org.lumaflow.engine.anim.Animation;
import org.lumaflow.engine.anim.Interpolation;
import org.lumaflow.engine.anim.Keyframe;
import org.lumaflow.engine.graph.FrameSource;
import org.lumaflow.engine.graph.Graph;
import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.graph.TimeMap;
import org.lumaflow.engine.registry.NodeRegistry;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Retime;

/**
 * The source part of a retimed clip's chain. With {@code D} the clip's duration, {@code Ft} the timeline's frame
 * duration, {@code r = p/q} the rate as an exact fraction ({@link TimeMap#fraction}) and {@code d = t - start}, the
 * source is asked for source time
 * <ul>
 * <li>forward ({@code r > 0}): {@code x = in + floor(d * p / q)};</li>
 * <li>reverse ({@code r < 0}): {@code x = in + floor((D - Ft - d) * |p| / q)}: the frames forward playback would show,
 * in the opposite order (the first is forward's last: the range's last frame when |r| <= 1);</li>
 * <li>freeze ({@code r = 0}): {@code x = in}.</li>
 * </ul>
 * A video source shows the frame at or before {@code x} ({@code NEAREST}). {@code BLEND} adds a second instance of
 * the source one source frame later ({@code x + Fs}, held at the range's last tick) and a {@code core.dissolve} between
 * the two whose progress is the phase of {@code x} within its source frame ({@code (x mod Fs) / Fs}, through a
 * wrapping time map and a 0..1 ramp over one frame), so the mix is weighted by distance; {@code Fs} is the source's
 * own frame rate ({@link FrameSource}) or, for generators, the timeline's. Effects after the source keep clip time
 * {@code in + d}.
 */
final class RetimeChain {

    private RetimeChain() {
    }

    /** Adds the retimed source of {@code c} (and its blend) to {@code g}; returns the id of the chain's head. */
    static String source(Graph g, Clip c, long frameTicks, NodeRegistry.Snapshot types, Path baseDir) {
        Retime rt = c.retime();
        long in = c.in();
        if (rt.isFreeze()) {
            return g.add(c.source().copy(c.id()).timeMap(TimeMap.linear(c.start(), in, 0, 1))).id();
        }
        long[] f = TimeMap.fraction(rt.rate());
        long p = Math.abs(f[0]);
        long q = f[1];
        long span = Math.max(1, ceilScaled(c.duration(), p, q));
        TimeMap map = rt.isReverse()
                ? TimeMap.linear(c.start() + c.duration() - frameTicks, in, -p, q)
                : TimeMap.linear(c.start(), in, p, q);
        map = map.clamp(in, in + span - 1);
        GraphNode a = g.add(c.source().copy(c.id()).timeMap(map));
        if (rt.frames() != Retime.Frames.BLEND) {
            return a.id();
        }
        long fs = sourceFrameTicks(c.source(), types, baseDir, frameTicks);
        GraphNode b = g.add(c.source().copy(c.id() + "#next").timeMap(map.shift(fs).clamp(in, in + span - 1)));
        GraphNode mix = g.add(new GraphNode(c.id() + "#blend", SegmentGraphBuilder.DISSOLVE)
                .timeMap(map.clamp(Long.MIN_VALUE, Long.MAX_VALUE).wrap(fs))
                .set("progress", new Animation(List.of(Keyframe.of(0, 0, Interpolation.LINEAR),
                        Keyframe.of(fs, 1, Interpolation.LINEAR)))));
        g.connect(a.id(), mix.id(), "from").connect(b.id(), mix.id(), "to");
        return mix.id();
    }

    /** {@code ceil(d * p / q)} for {@code d >= 0} without overflow. */
    static long ceilScaled(long d, long p, long q) {
        long floor = TimeMap.linear(0, 0, p, q).apply(d);
        return Math.floorMod(Math.floorMod(d, q) * p, q) == 0 ? floor : floor + 1;
    }

    /** One source frame in ticks (rounded to the nearest tick): the source's own rate, else the timeline's frame. */
    private static long sourceFrameTicks(GraphNode src, NodeRegistry.Snapshot types, Path baseDir, long frameTicks) {
        NodeType t = types.type(src.type());
        if (t instanceof FrameSource fsrc && baseDir != null) {
            try {
                Rational rate = fsrc.frameRate(src, baseDir);
                if (rate != null && rate.num() > 0 && rate.den() > 0) {
                    long ticks = Ticks.fromRational(Rational.of(rate.den(), rate.num()), RoundingMode.HALF_UP);
                    if (ticks > 0) {
                        return ticks;
                    }
                }
            } catch (RuntimeException e) {
                // a broken source renders black with its own message; blend on the timeline's grid
            }
        }
        return Math.max(1, frameTicks);
    }
}
