package org.lumaflow.ui.internal.handlers;

import java.util.Locale;
import java.util.StringJoiner;

/** The file types the import dialog offers: every container, audio and image format the decoder reads. */
public final class MediaFilter {

    /** Extensions (lower case) offered by Import. */
    public static final String[] EXTENSIONS = {
        // video containers
        "mp4", "m4v", "mov", "mkv", "webm", "avi", "mxf", "mts", "m2ts", "ts", "mpg", "mpeg", "3gp", "flv", "wmv", "ogv",
        // audio
        "wav", "mp3", "m4a", "aac", "flac", "ogg", "opus", "aif", "aiff", "wma",
        // images and animations
        "png", "jpg", "jpeg", "gif", "webp", "tif", "tiff", "bmp", "exr", "dpx",
    };

    private MediaFilter() {
    }

    /**
     * The dialog's filter: every extension in lower and upper case (GTK file filters are case-sensitive, and cameras
     * write {@code .MP4}/{@code .MTS}).
     */
    public static String pattern() {
        StringJoiner j = new StringJoiner(";");
        for (String e : EXTENSIONS) {
            j.add("*." + e);
            j.add("*." + e.toUpperCase(Locale.ROOT));
        }
        return j.toString();
    }
}
