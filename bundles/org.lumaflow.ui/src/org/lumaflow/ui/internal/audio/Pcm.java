package org.lumaflow.ui.internal.audio;

/** Float samples to the 16-bit PCM a sound device takes. */
public final class Pcm {

    private Pcm() {
    }

    /**
     * Writes {@code n} stereo samples as interleaved signed 16-bit little-endian into {@code out} (4 bytes a sample):
     * {@code round(x * 32767)} (halves round up), clamped to [-1, 1] first.
     */
    public static void toS16(float[] left, float[] right, int n, byte[] out) {
        for (int i = 0, o = 0; i < n; i++, o += 4) {
            int l = Math.round(Math.max(-1f, Math.min(1f, left[i])) * 32767f);
            int r = Math.round(Math.max(-1f, Math.min(1f, right[i])) * 32767f);
            out[o] = (byte) l;
            out[o + 1] = (byte) (l >> 8);
            out[o + 2] = (byte) r;
            out[o + 3] = (byte) (r >> 8);
        }
    }
}
