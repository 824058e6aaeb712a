package org.lumaflow.engine.internal.nodes;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Gaussian blur whose cost per pixel does not depend on sigma. From sigma {@value #MIN_SIGMA}: Deriche's 4th-order
 * recursive approximation (R. Deriche, "Recursively implementing the Gaussian and its derivatives", INRIA RR-1893,
 * 1993; constants as given by P. Getreuer, "A Survey of Gaussian Convolution Algorithms", IPOL 2013), as the sum of
 * a causal and an anticausal filter, each the sum of two second-order sections, normalised to unit gain.
 * <p>
 * Edges repeat the border pixels exactly: in the parallel (causal + anticausal) form each filter's state before the
 * first sample is its steady-state response to the repeated border value. Against the sampled Gaussian the 1-D
 * impulse response is off by at most 0.14 code values (L1 norm times 255) for any sigma &gt;= 1; the blurred colour
 * between the two passes is kept to 1/256 of a code value, so the result is within one code value of an exact
 * double-precision convolution.
 * <p>
 * Two passes ({@link IirPass}): along y from straight RGBA8 (premultiplied on the way in) to a 16-bit premultiplied
 * intermediate ({@link #scratchBytes}), then along x to straight RGBA8. Not thread-safe (one per node instance);
 * the passes themselves run on the pixel workers. Allocates nothing per frame once warm.
 */
public final class GaussianBlur {

    /** The smallest sigma filtered recursively (direct kernel below). */
    public static final double MIN_SIGMA = 2;

    /** Deriche's K = 4 terms: a, b, lambda, omega of (a cos(omega x) + b sin(omega x)) exp(-lambda x), x in sigmas. */
    private static final double[][] TERMS = {
            {1.6797292232361107, 3.7348298269103580, 1.7831906544515104, 0.6318113174569493},
            {-0.6802783501806897, -0.2598300478959625, 1.7228297663338028, 1.9969276832487770}};

    /** Number of floats in a coefficient array ({@link #coefficients}). */
    public static final int COEFFICIENTS = 16;

    /** Largest direct kernel half-width: ceil(4 * {@value #MIN_SIGMA}). */
    static final int MAX_DIRECT_RADIUS = 8;

    private final IirLanes lanes;
    private final IirPass.Pool pool = new IirPass.Pool();
    /** Set by pass 1 when it meets a translucent pixel (reset every frame). */
    private final AtomicBoolean translucent = new AtomicBoolean();

    private final float[] k = new float[COEFFICIENTS];
    /** Direct kernel half-width, or -1 for the recursive filter. */
    private int radius;
    private double sigma = Double.NaN;
    private final ByteBuffer[] buffers = new ByteBuffer[8];
    private final IntBuffer[] views = new IntBuffer[8];
    private int next;

    /** A blur using the Vector API kernels when the JVM has them (see {@link IirLanes#best()}). */
    public GaussianBlur() {
        this(true);
    }

    /** A blur with the Vector API kernels ({@code simd}, when available) or plain loops. */
    public GaussianBlur(boolean simd) {
        this.lanes = simd ? IirLanes.best() : new IirLanes();
    }

    /** Whether this instance runs the Vector API kernels. */
    public boolean usesVectorApi() {
        return lanes instanceof IirLanesSimd;
    }

    /** Bytes of scratch {@link #blur} needs for a {@code w x h} image: 8 per pixel, rows padded to a multiple of 8. */
    public static long scratchBytes(int w, int h) {
        return 8L * w * IirPass.paddedHeight(h);
    }

    /**
     * Blurs straight-alpha RGBA8 {@code src} ({@code w x h}) into {@code dst} with standard deviation {@code sigma}
     * (&gt; 0). {@code scratch} holds
     * at least {@link #scratchBytes} bytes; all three buffers are in native byte order.
     */
    public void blur(ByteBuffer src, ByteBuffer scratch, ByteBuffer dst, int w, int h, double sigma) {
        if (sigma != this.sigma) {
            radius = weights(sigma, k);
            this.sigma = sigma;
        }
        float[] weights = k;
        IntBuffer mid = view(scratch);
        translucent.set(false);
        IirPass.down(view(src), w, h, mid, weights, radius, pool, lanes, translucent);
        IirPass.across(mid, w, h, view(dst), weights, radius, pool, lanes, !translucent.get());
    }

    /** An int view of {@code b}, kept for the buffers seen lately (pooled frames come back), so none is made per frame. */
    private IntBuffer view(ByteBuffer b) {
        for (int i = 0; i < buffers.length; i++) {
            if (buffers[i] == b) {
                return views[i];
            }
        }
        int i = next;
        next = (next + 1) % buffers.length;
        buffers[i] = b;
        views[i] = b.duplicate().clear().order(b.order()).asIntBuffer();
        return views[i];
    }

    /**
     * The filter for {@code sigma} into {@code k} ({@value #COEFFICIENTS} floats): from {@value #MIN_SIGMA} the
     * recursive coefficients ({@link #coefficients}), returning -1; below, the direct half kernel ({@link #kernel}),
     * returning its half-width. Also used by the GPU twin.
     */
    public static int weights(double sigma, float[] k) {
        if (sigma >= MIN_SIGMA) {
            coefficients(sigma, k);
            return -1;
        }
        return kernel(sigma, k);
    }

    /**
     * The normalised sampled Gaussian {@code g[0..r]} (centre first, {@code g[0] + 2 sum g[i] = 1}) with half-width
     * r = ceil(4 sigma) for sigma &lt; {@value #MIN_SIGMA}; returns r.
     */
    static int kernel(double sigma, float[] g) {
        int r = Math.min(MAX_DIRECT_RADIUS, (int) Math.ceil(4 * sigma));
        double total = 0;
        for (int i = 0; i <= r; i++) {
            total += (i == 0 ? 1 : 2) * Math.exp(-(double) i * i / (2 * sigma * sigma));
        }
        for (int i = 0; i <= r; i++) {
            g[i] = (float) (Math.exp(-(double) i * i / (2 * sigma * sigma)) / total);
        }
        return r;
    }

    /**
     * Writes the filter coefficients for {@code sigma} into {@code k} ({@value #COEFFICIENTS} floats): for the two
     * sections s = 0, 1 at {@code 4s}: causal numerator c0, c1 and denominator d1, d2 (negated: -d1, -d2); at
     * {@code 8 + 2s}: anticausal numerator e1, e2; at {@code 12 + s}: causal steady-state gain, at {@code 14 + s}:
     * anticausal steady-state gain. Section s computes {@code y[n] = c0 x[n] + c1 x[n-1] - d1 y[n-1] - d2 y[n-2]}
     * forwards and {@code y[n] = e1 x[n+1] + e2 x[n+2] - d1 y[n+1] - d2 y[n+2]} backwards; the output is the sum
     * of the four. Also used by the GPU twin.
     */
    public static float[] coefficients(double sigma, float[] k) {
        double[] c0 = new double[2];
        double[] c1 = new double[2];
        double[] d1 = new double[2];
        double[] d2 = new double[2];
        double[] e1 = new double[2];
        double[] e2 = new double[2];
        double total = 0;
        for (int s = 0; s < 2; s++) {
            double a = TERMS[s][0];
            double b = TERMS[s][1];
            double r = Math.exp(-TERMS[s][2] / sigma);
            double w = TERMS[s][3] / sigma;
            c0[s] = a;
            c1[s] = r * (b * Math.sin(w) - a * Math.cos(w));
            d1[s] = -2 * r * Math.cos(w);
            d2[s] = r * r;
            e1[s] = c1[s] - a * d1[s];
            e2[s] = -a * d2[s];
            total += (c0[s] + c1[s] + e1[s] + e2[s]) / (1 + d1[s] + d2[s]);
        }
        for (int s = 0; s < 2; s++) {
            double den = 1 + d1[s] + d2[s];
            k[4 * s] = (float) (c0[s] / total);
            k[4 * s + 1] = (float) (c1[s] / total);
            k[4 * s + 2] = (float) -d1[s];
            k[4 * s + 3] = (float) -d2[s];
            k[8 + 2 * s] = (float) (e1[s] / total);
            k[9 + 2 * s] = (float) (e2[s] / total);
            k[12 + s] = (float) ((c0[s] + c1[s]) / total / den);
            k[14 + s] = (float) ((e1[s] + e2[s]) / total / den);
        }
        return k;
    }
}
