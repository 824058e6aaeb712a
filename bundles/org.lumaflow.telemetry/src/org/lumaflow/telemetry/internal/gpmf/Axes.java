package org.lumaflow.telemetry.internal.gpmf;

import java.util.Locale;

/**
 * The order in which ACCL/GYRO/GRAV store the camera's axes. From HERO8 the stream says it (ORIN, e.g. {@code "ZXY"};
 * a lower-case letter is a negated axis); before, GoPro's gpmf-parser README documents it per model: HERO5 Black and
 * Session {@code Z,X,Y}, Fusion {@code -Y,X,Z}, HERO6 and HERO7 Black {@code Y,-X,Z}.
 */
final class Axes {

    private Axes() {
    }

    /** The stored order for a stream: its ORIN, else the model's documented order. */
    static String order(String orin, String device) {
        if (orin != null && orin.length() == 3 && orin.toUpperCase(Locale.ROOT).chars().sorted()
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString()
                .equals("XYZ")) {
            return orin;
        }
        String d = device == null ? "" : device.toLowerCase(Locale.ROOT);
        if (d.contains("hero6") || d.contains("hero7")) {
            return "YxZ";
        }
        if (d.contains("fusion")) {
            return "yXZ";
        }
        return "ZXY"; // HERO5 Black/Session (device name "Camera") and older
    }

    /**
     * Writes the camera-axis values {@code x, y, z} of one sample whose stored values are {@code s[0..2]} in
     * {@code order} into {@code out[0..2]}.
     */
    static void toCamera(String order, double[] s, double[] out) {
        for (int j = 0; j < 3; j++) {
            char c = order.charAt(j);
            int axis = Character.toUpperCase(c) - 'X';
            out[axis] = Character.isLowerCase(c) ? -s[j] : s[j];
        }
    }
}
