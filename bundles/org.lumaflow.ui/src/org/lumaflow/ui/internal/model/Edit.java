package org.lumaflow.ui.internal.model;

/** One undoable change to the open project; {@link #apply} and {@link #revert} are exact inverses. */
public interface Edit {

    /** What the menu shows after "Undo"/"Redo" (e.g. "Move clip 'a'"). */
    String label();

    /** Makes the change (first time and redo). */
    void apply();

    /** Takes the change back. */
    void revert();

    /** What changed, so views refresh only what they show. */
    default Change change() {
        return Change.TIMELINE;
    }
}
