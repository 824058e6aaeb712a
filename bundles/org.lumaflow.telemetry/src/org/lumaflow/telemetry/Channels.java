package org.lumaflow.telemetry;

/**
 * Standard channel names, shared by every parser so overlays and highlights work whatever the source. Values are in SI
 * units (metres, seconds, m/s, m/s², rad/s, degrees for latitude/longitude); a parser may add channels of its own.
 */
public final class Channels {

    /** Latitude, degrees (WGS84). */
    public static final String LAT = "lat";
    /** Longitude, degrees (WGS84). */
    public static final String LON = "lon";
    /** Altitude, metres (above the ellipsoid or mean sea level, as the source gives it: see the stream's notes). */
    public static final String ALT = "alt";
    /** Ground speed, m/s. */
    public static final String SPEED_2D = "speed2d";
    /** Speed in three dimensions, m/s. */
    public static final String SPEED_3D = "speed3d";
    /** GPS fix: 0 none, 2 2D, 3 3D. */
    public static final String FIX = "fix";
    /** Dilution of precision (unitless, 1.0 = ideal). */
    public static final String DOP = "dop";
    /** Acceleration along the camera's axes, m/s² (gravity included). */
    public static final String ACCEL_X = "accel_x";
    /** See {@link #ACCEL_X}. */
    public static final String ACCEL_Y = "accel_y";
    /** See {@link #ACCEL_X}. */
    public static final String ACCEL_Z = "accel_z";
    /** Rotation rate about the camera's axes, rad/s. */
    public static final String GYRO_X = "gyro_x";
    /** See {@link #GYRO_X}. */
    public static final String GYRO_Y = "gyro_y";
    /** See {@link #GYRO_X}. */
    public static final String GYRO_Z = "gyro_z";
    /** Heart rate, beats per minute. */
    public static final String HEART_RATE = "heart_rate";
    /** Cadence, revolutions per minute. */
    public static final String CADENCE = "cadence";
    /** Power, watts. */
    public static final String POWER = "power";
    /** Temperature, degrees Celsius. */
    public static final String TEMPERATURE = "temperature";

    private Channels() {
    }
}
