package org.lumaflow.ui.internal.model;

import java.nio.file.Path;
import java.util.List;

/** Adds a file to the media bin or removes it (the bin is part of the project, so this is an undoable edit). */
final class BinEdit implements Edit {

    private final List<Path> bin;
    private final Path file;
    private final boolean add;
    private int index = -1;

    BinEdit(List<Path> bin, Path file, boolean add) {
        this.bin = bin;
        this.file = file;
        this.add = add;
    }

    @Override
    public String label() {
        return add ? "Import '" + file.getFileName() + "'" : "Remove '" + file.getFileName() + "' from the bin";
    }

    @Override
    public void apply() {
        if (add) {
            bin.add(file);
        } else {
            index = bin.indexOf(file);
            bin.remove(file);
        }
    }

    @Override
    public void revert() {
        if (add) {
            bin.remove(file);
        } else if (index >= 0) {
            bin.add(Math.min(index, bin.size()), file);
        }
    }

    @Override
    public Change change() {
        return Change.MEDIA;
    }
}
