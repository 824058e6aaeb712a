package org.lumaflow.engine.internal.convert;

/**
 * The engine's BT.709 formulas in 16-bit fixed point, rounded half up (Kr = 0.2126, Kb = 0.0722): full-range luma
 * of R'G'B' code values (masks, grey conversion, saturation), and R'G'B' to limited-range ("tv") Y' 16..235 and
 * Cb/Cr 16..240 (4:2:0 conversion). Pixels are packed RGBA8 as read in native order (0xAABBGGRR).
 */
public final class Bt709 {

    /** Full-range luma weights scaled to 2^16 (0.2126, 0.7152, 0.0722); they sum to exactly 65536. */
    public static final int KR = 13933;
    /** Green weight, see {@link #KR}. */
    public static final int KG = 46871;
    /** Blue weight, see {@link #KR}. */
    public static final int KB = 4732;

    // Y' = 16 + 219/255 (Kr R + Kg G + Kb B); Cb/Cr = 128 + 224/255 (B - Y)/(2 (1 - Kb)) etc., scaled by 2^16
    static final int YR = 11966;  // 0.2126 * 219 / 255 * 65536
    static final int YG = 40254;  // 0.7152 * 219 / 255 * 65536
    static final int YB = 4064;   // 0.0722 * 219 / 255 * 65536
    static final int UR = -6596;  // -0.2126 / 1.8556 * 224 / 255 * 65536
    static final int UG = -22189; // -0.7152 / 1.8556 * 224 / 255 * 65536
    static final int UB = 28785;  // 0.5 * 224 / 255 * 65536, rounded so that each chroma row sums to 0 (greys exact)
    static final int VR = 28785;
    static final int VG = -26145; // -0.7152 / 1.5748 * 224 / 255 * 65536
    static final int VB = -2640;  // -0.0722 / 1.5748 * 224 / 255 * 65536
    static final int ROUND = 1 << 15;

    private Bt709() {
    }

    /** Full-range luma 0..255 of R'G'B' code values. */
    public static int luma(int r, int g, int b) {
        return (KR * r + KG * g + KB * b + ROUND) >> 16;
    }

    /** Full-range luma of a packed pixel (alpha ignored). */
    public static int luma(int p) {
        return luma(p & 0xFF, (p >> 8) & 0xFF, (p >> 16) & 0xFF);
    }

    /** Limited-range Y' 16..235 of a packed pixel (alpha ignored). */
    static int y(int p) {
        return 16 + ((YR * (p & 0xFF) + YG * ((p >> 8) & 0xFF) + YB * ((p >> 16) & 0xFF) + ROUND) >> 16);
    }

    /** Cb from channel sums of a 2x2 block (each sum = 4 samples). */
    static int u4(int r4, int g4, int b4) {
        return 128 + ((UR * r4 + UG * g4 + UB * b4 + (ROUND << 2)) >> 18);
    }

    /** Cr from channel sums of a 2x2 block. */
    static int v4(int r4, int g4, int b4) {
        return 128 + ((VR * r4 + VG * g4 + VB * b4 + (ROUND << 2)) >> 18);
    }
}
