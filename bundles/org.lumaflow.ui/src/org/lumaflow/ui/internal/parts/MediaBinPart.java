package org.lumaflow.ui.internal.parts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DragSource;
import org.eclipse.swt.dnd.DragSourceAdapter;
import org.eclipse.swt.dnd.DragSourceEvent;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.decoder.MediaClips;
import org.lumaflow.decoder.MediaInfo;
import org.lumaflow.decoder.MediaService;
import org.lumaflow.decoder.VideoSource;
import org.lumaflow.decoder.VideoStreamInfo;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.ui.internal.Dialogs;
import org.lumaflow.ui.internal.handlers.Actions;
import org.lumaflow.ui.internal.model.Change;
import org.lumaflow.ui.internal.model.Edits;
import org.lumaflow.ui.internal.model.Studio;
import org.lumaflow.ui.internal.parts.viewer.FrameImage;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * The media bin: files imported by dialog or dropped from the desktop, each probed on a background thread (duration,
 * size, rate, codecs) with a thumbnail decoded from 10% in. A file that cannot be read stays listed with the reason.
 * Drag an item onto the timeline (or use "Add to timeline") to make a clip of it.
 */
public final class MediaBinPart {

    private static final int THUMB_W = 96;
    private static final int THUMB_H = 54;

    private Studio studio;
    private Display display;
    private Table table;
    private final Map<Path, Image> thumbs = new HashMap<>();
    private final Map<Path, MediaInfo> infos = new HashMap<>();
    private final Map<Path, String> errors = new HashMap<>();
    private final ExecutorService prober = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lumaflow-media-bin");
        t.setDaemon(true);
        return t;
    });
    private final Consumer<Change> listener = c -> {
        if (c == Change.MEDIA || c == Change.PROJECT) {
            refresh();
        }
    };

    @PostConstruct
    public void create(Composite parent, Studio s) {
        studio = s;
        display = parent.getDisplay();
        parent.setLayout(new GridLayout(3, false));
        table = new Table(parent, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
        table.setData("id", "mediabin.table");
        table.setHeaderVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        column("Media", 200);
        column("Duration", 70);
        column("Format", 150);
        table.addListener(SWT.MeasureItem, e -> e.height = Math.max(e.height, THUMB_H + 4));
        table.addListener(SWT.DefaultSelection, e -> addSelectedToTimeline());
        table.addListener(SWT.Selection, e -> studio.setBinSelection(table.getSelectionCount() == 0 ? null
                : (Path) table.getSelection()[0].getData()));
        table.addListener(SWT.MouseHover, e -> { // the whole name and folder of a shortened entry
            TableItem it = table.getItem(new org.eclipse.swt.graphics.Point(e.x, e.y));
            String tip = it == null ? null : it.getData().toString();
            if (!java.util.Objects.equals(tip, table.getToolTipText())) {
                table.setToolTipText(tip);
            }
        });
        table.getColumn(0).addListener(SWT.Resize, e -> elideNames());
        Button imp = new Button(parent, SWT.PUSH);
        imp.setText("Import...");
        imp.addListener(SWT.Selection, e -> Actions.run("import", studio, parent.getShell(), null, null));
        Button add = new Button(parent, SWT.PUSH);
        add.setText("Add to timeline");
        add.addListener(SWT.Selection, e -> addSelectedToTimeline());
        Button remove = new Button(parent, SWT.PUSH);
        remove.setText("Remove");
        remove.addListener(SWT.Selection, e -> {
            for (TableItem it : table.getSelection()) {
                studio.removeMedia((Path) it.getData());
            }
        });
        dropTarget();
        dragSource();
        org.lumaflow.ui.internal.parts.proxy.ProxyBinColumn.attach(table, studio);
        studio.addListener(listener);
        refresh();
    }

    private void column(String name, int width) {
        TableColumn c = new TableColumn(table, SWT.NONE);
        c.setText(name);
        c.setWidth(width);
    }

    /** Files dropped from a file manager are imported. */
    private void dropTarget() {
        DropTarget t = new DropTarget(table, DND.DROP_COPY | DND.DROP_DEFAULT);
        t.setTransfer(FileTransfer.getInstance());
        t.addDropListener(new DropTargetAdapter() {
            @Override
            public void dragEnter(DropTargetEvent e) {
                e.detail = DND.DROP_COPY;
            }

            @Override
            public void drop(DropTargetEvent e) {
                if (e.data instanceof String[] files) {
                    for (String f : files) {
                        studio.addMedia(Path.of(f));
                    }
                }
            }
        });
    }

    /** Items drag out as their absolute paths (the timeline accepts them). */
    private void dragSource() {
        DragSource s = new DragSource(table, DND.DROP_COPY);
        s.setTransfer(new Transfer[] {TextTransfer.getInstance(), FileTransfer.getInstance()});
        s.addDragListener(new DragSourceAdapter() {
            @Override
            public void dragSetData(DragSourceEvent e) {
                TableItem[] sel = table.getSelection();
                if (sel.length == 0) {
                    e.doit = false;
                    return;
                }
                Path p = (Path) sel[0].getData();
                e.data = FileTransfer.getInstance().isSupportedType(e.dataType) ? new String[] {p.toString()}
                        : p.toString();
            }
        });
    }

    private void refresh() {
        if (table.isDisposed()) {
            return;
        }
        table.removeAll();
        for (Path p : studio.media()) {
            TableItem it = new TableItem(table, SWT.NONE);
            it.setData(p);
            it.setText(0, p.getFileName().toString());
            it.setData("name", p.getFileName().toString());
            MediaInfo info = infos.get(p);
            if (info != null) {
                fill(it, info);
            } else if (errors.containsKey(p)) {
                it.setText(2, errors.get(p));
                it.setForeground(display.getSystemColor(SWT.COLOR_RED));
            } else {
                it.setText(2, "probing...");
                probe(p);
            }
            Image img = thumbs.get(p);
            if (img != null) {
                it.setImage(img);
            }
        }
        elideNames();
    }

    /** Shortens the names in the middle to the Media column's width (the tooltip has the whole path). */
    private void elideNames() {
        if (table.isDisposed() || table.getItemCount() == 0) {
            return;
        }
        org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(table);
        try {
            int room = table.getColumn(0).getWidth() - THUMB_H * 16 / 9 - 24;
            for (TableItem it : table.getItems()) {
                String full = (String) it.getData("name");
                if (full != null) {
                    it.setText(0, org.lumaflow.ui.internal.parts.bin.BinNames.fit(full, room,
                            s -> gc.textExtent(s).x));
                }
            }
        } finally {
            gc.dispose();
        }
    }

    private void fill(TableItem it, MediaInfo info) {
        it.setText(1, org.lumaflow.ui.internal.parts.bin.BinDurations.text(info, studio.timeline().format().rate()));
        VideoStreamInfo v = info.firstVideo();
        StringBuilder sb = new StringBuilder();
        if (v != null) {
            sb.append(v.displayWidth()).append('x').append(v.displayHeight()).append(' ')
                    .append(String.format("%.3f", v.frameRate().toDouble())).append(" fps ").append(v.codec());
        }
        if (!info.audio().isEmpty()) {
            var a = info.audio().get(0);
            sb.append(" + ").append(a.codec()).append(' ').append(a.sampleRate()).append(" Hz");
        }
        it.setText(2, sb.toString());
    }

    /** Probes and decodes a thumbnail off the UI thread. */
    private void probe(Path p) {
        prober.execute(() -> {
            MediaInfo info = null;
            ImageData thumb = null;
            String error = null;
            try {
                if (!Files.isReadable(p)) {
                    throw new java.io.IOException(p + ": no such file or not readable");
                }
                MediaService media = studio.services().media();
                info = media.probe(p);
                if (info.firstVideo() != null) {
                    VideoSource src = media.openVideo(p, THUMB_W, THUMB_H, MediaService.Fit.FIT,
                            studio.engine().pool(), 1);
                    try {
                        Frame f = src.frame(info.durationTicks() / 10);
                        try {
                            thumb = new FrameImage().fill(f);
                        } finally {
                            f.release();
                        }
                    } finally {
                        src.close();
                    }
                }
            } catch (Exception | LinkageError e) {
                error = e.getMessage() == null ? e.toString() : e.getMessage();
            }
            MediaInfo fi = info;
            ImageData ft = thumb;
            String fe = error;
            display.asyncExec(() -> {
                if (table.isDisposed()) {
                    return;
                }
                if (fi != null) {
                    infos.put(p, fi);
                }
                if (fe != null) {
                    errors.put(p, fe);
                }
                if (ft != null) {
                    thumbs.put(p, new Image(display, ft));
                }
                refresh();
            });
        });
    }

    /** Appends the selected media to the end of the first track (or the selected clip's track). */
    private void addSelectedToTimeline() {
        Clip sel = studio.selectedClip();
        Track track = sel != null ? studio.trackOf(sel)
                : studio.timeline().tracks().isEmpty() ? null : studio.timeline().tracks().get(0);
        if (track == null) {
            track = new Track("V1");
            studio.timeline().tracks().add(track);
        }
        for (TableItem it : table.getSelection()) {
            Path p = (Path) it.getData();
            MediaInfo info = infos.get(p);
            if (info == null) {
                Dialogs.error(table.getShell(), "Add to timeline", errors.getOrDefault(p, p + " is still being probed"));
                continue;
            }
            long end = 0;
            for (Clip c : track.clips()) {
                end = Math.max(end, c.end());
            }
            String base = p.getFileName().toString().replaceAll("\\.[^.]*$", "").replaceAll("[^A-Za-z0-9_]", "_");
            String id = studio.freeClipId(base);
            try {
                studio.execute(Edits.addClip(track, MediaClips.clip(id, info, end)));
                studio.select(id, null);
            } catch (Exception e) {
                Dialogs.error(table.getShell(), "Add to timeline", e.getMessage());
            }
        }
    }

    @PreDestroy
    public void dispose() {
        studio.removeListener(listener);
        prober.shutdownNow();
        thumbs.values().forEach(Image::dispose);
    }
}
