package org.lumaflow.export.internal.audio;

import org.lumaflow.decoder.AudioSource;
import org.lumaflow.decoder.MediaException;
import org.lumaflow.engine.anim.Animation;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.ClipAudio;
import org.lumaflow.engine.timeline.Track;

/**
 * One audible clip in the mix: its reader (speed applied) and its gain, per sample the product of
 * <ul>
 * <li>the clip gain, constant or keyframes in dB in clip time ({@code in + (t - start)}), evaluated every
 * {@value #BLOCK} samples and interpolated linearly in between;</li>
 * <li>fades: {@code sin(pi/2 * x)}, x the distance from the clip's edge over the fade length (a quarter sine: 0 at the
 * edge, -3 dB half way);</li>
 * <li>crossfades under a transition: across the overlap the earlier clip is multiplied by {@code cos(pi/2 * x)}, the
 * later by {@code sin(pi/2 * x)}, x from 0 to 1 across the overlap (equal power: the squares sum to 1);</li>
 * <li>the track's volume (dB) and constant-power pan: {@code sqrt 2 * cos((pan + 1) * pi / 4)} on the left and
 * {@code sqrt 2 * sin(...)} on the right, unity for both at the centre (+3 dB on the near side and silence on the
 * far side at full pan; the power L^2 + R^2 stays constant).</li>
 * </ul>
 */
public final class Voice implements AutoCloseable {

    /** Samples between evaluations of gain keyframes. */
    static final int BLOCK = 32;

    private final AudioSource src;
    private final ClipReader reader;
    final long start;
    final long end;
    private final long startTicks;
    private final long inTicks;
    private final long ticksPerSample;
    private final double gain;
    private final Animation keys;
    private final double[] key = new double[1];
    private final long fadeIn;
    private final long fadeOut;
    /** Crossfade regions in timeline samples: fading in over [xin0, xin1), out over [xout0, xout1); empty: none. */
    long xin0;
    long xin1;
    long xout0;
    long xout1;
    private final float trackL;
    private final float trackR;

    Voice(Clip c, Track t, AudioSource src, long ticksPerSample) {
        this.src = src;
        this.ticksPerSample = ticksPerSample;
        this.start = Math.floorDiv(c.start(), ticksPerSample);
        this.end = Math.floorDiv(c.end(), ticksPerSample);
        this.startTicks = c.start();
        this.inTicks = c.in();
        ClipAudio a = c.audio();
        this.keys = a.gainKeys();
        this.gain = Math.pow(10, a.gainDb() / 20);
        this.fadeIn = Math.floorDiv(a.fadeIn(), ticksPerSample);
        this.fadeOut = Math.floorDiv(a.fadeOut(), ticksPerSample);
        double vol = Math.pow(10, t.volumeDb() / 20);
        double theta = (t.pan() + 1) * Math.PI / 4;
        this.trackL = (float) (vol * Math.sqrt(2) * Math.cos(theta));
        this.trackR = (float) (vol * Math.sqrt(2) * Math.sin(theta));
        long in = Math.floorDiv(c.in(), ticksPerSample);
        long span = Math.round(c.sourceSpan() / (double) ticksPerSample);
        this.reader = ClipReader.of(src, in, span, end - start, c.retime());
    }

    /**
     * Adds this clip's samples of timeline samples {@code [from, from + n)} into {@code left/right[at ..]}, scaled by
     * {@code master}; {@code sl/sr/g} are scratch buffers of at least {@code n}.
     */
    public void addTo(long from, int n, float[] left, float[] right, int at, float[] sl, float[] sr, float[] g,
            float master) throws MediaException {
        long a = Math.max(from, start);
        long b = Math.min(from + n, end);
        if (a >= b) {
            return;
        }
        int len = (int) (b - a);
        reader.read(a - start, sl, sr, 0, len);
        gains(a, len, g);
        int off = at + (int) (a - from);
        float gl = trackL * master;
        float gr = trackR * master;
        for (int i = 0; i < len; i++) {
            left[off + i] += sl[i] * g[i] * gl;
            right[off + i] += sr[i] * g[i] * gr;
        }
    }

    /** Clip gain x fades x crossfades for timeline samples {@code [a, a + len)} into {@code g}. */
    private void gains(long a, int len, float[] g) {
        if (keys == null) {
            java.util.Arrays.fill(g, 0, len, (float) gain);
        } else {
            double g0 = keyGain(a);
            for (int i = 0; i < len; i += BLOCK) {
                int m = Math.min(BLOCK, len - i);
                double g1 = keyGain(a + i + m);
                for (int j = 0; j < m; j++) {
                    g[i + j] = (float) (g0 + (g1 - g0) * j / m);
                }
                g0 = g1;
            }
        }
        long b = a + len;
        if (fadeIn > 0 && a < start + fadeIn) {
            for (long s = a; s < Math.min(b, start + fadeIn); s++) {
                g[(int) (s - a)] *= (float) Math.sin(Math.PI / 2 * (s - start) / fadeIn);
            }
        }
        if (fadeOut > 0 && b > end - fadeOut) {
            for (long s = Math.max(a, end - fadeOut); s < b; s++) {
                g[(int) (s - a)] *= (float) Math.sin(Math.PI / 2 * (end - s) / fadeOut);
            }
        }
        if (xin1 > xin0 && a < xin1 && b > xin0) {
            for (long s = Math.max(a, xin0); s < Math.min(b, xin1); s++) {
                g[(int) (s - a)] *= (float) Math.sin(Math.PI / 2 * (s - xin0) / (xin1 - xin0));
            }
        }
        if (xout1 > xout0 && a < xout1 && b > xout0) {
            for (long s = Math.max(a, xout0); s < Math.min(b, xout1); s++) {
                g[(int) (s - a)] *= (float) Math.cos(Math.PI / 2 * (s - xout0) / (xout1 - xout0));
            }
        }
    }

    /** Linear gain of the keyframes at timeline sample {@code s}. */
    private double keyGain(long s) {
        keys.evaluate(inTicks + s * ticksPerSample - startTicks, key, 0);
        return Math.pow(10, key[0] / 20);
    }

    @Override
    public void close() {
        src.close();
    }
}
