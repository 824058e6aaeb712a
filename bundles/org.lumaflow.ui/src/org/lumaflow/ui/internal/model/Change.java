package org.lumaflow.ui.internal.model;

/** Kinds of change the {@link Studio} announces to its listeners (always on the UI thread). */
public enum Change {
    /** Another project was opened (everything changed). */
    PROJECT,
    /** Tracks, clips, transitions or effect chains changed. */
    TIMELINE,
    /** A node parameter or keyframe changed. */
    PARAMS,
    /** The selected clip or node changed. */
    SELECTION,
    /** The playhead moved. */
    PLAYHEAD,
    /** The project was saved or became dirty. */
    DIRTY,
    /** The media bin's list changed. */
    MEDIA,
    /** A QC run finished (events and statistics). */
    QC,
    /** Preferences changed. */
    PREFERENCES,
    /** A status-line message ({@link Studio#notice()}): a refused edit, a hint. */
    NOTICE
}
