package org.lumaflow.ui.internal.model;

import java.util.ArrayDeque;
import java.util.Deque;

/** Undo/redo history of {@link Edit}s; bounded, the oldest dropped first. */
public final class EditStack {

    private final Deque<Edit> undo = new ArrayDeque<>();
    private final Deque<Edit> redo = new ArrayDeque<>();
    private final int limit;
    private int cleanDepth;

    public EditStack(int limit) {
        this.limit = limit;
    }

    /** Applies {@code e} and records it; clears the redo list. */
    void execute(Edit e) {
        e.apply();
        undo.push(e);
        redo.clear();
        if (cleanDepth > undo.size() - 1) {
            cleanDepth = -1; // the saved state can no longer be reached by undo
        }
        while (undo.size() > limit) {
            undo.removeLast();
        }
    }

    Edit undo() {
        Edit e = undo.poll();
        if (e != null) {
            e.revert();
            redo.push(e);
        }
        return e;
    }

    Edit redo() {
        Edit e = redo.poll();
        if (e != null) {
            e.apply();
            undo.push(e);
        }
        return e;
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    /** The label of the edit {@link #undo} would take back, or null. */
    public String undoLabel() {
        return undo.isEmpty() ? null : undo.peek().label();
    }

    public String redoLabel() {
        return redo.isEmpty() ? null : redo.peek().label();
    }

    /** Marks the current state as saved. */
    void markClean() {
        cleanDepth = undo.size();
    }

    /** Whether the state differs from the last saved one. */
    public boolean dirty() {
        return cleanDepth != undo.size();
    }

    void clear() {
        undo.clear();
        redo.clear();
        cleanDepth = 0;
    }
}
