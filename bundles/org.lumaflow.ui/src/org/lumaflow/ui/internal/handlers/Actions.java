package org.lumaflow.ui.internal.handlers;

import java.nio.file.Path;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.ui.internal.Dialogs;
import org.lumaflow.ui.internal.dialogs.PreferencesDialog;
import org.lumaflow.ui.internal.jobs.QcJob;
import org.lumaflow.ui.internal.dialogs.NewProjectDialog;
import org.lumaflow.ui.internal.dialogs.ProjectSettingsDialog;
import org.lumaflow.ui.internal.model.Edits;
import org.lumaflow.ui.internal.model.ProjectSettings;
import org.lumaflow.ui.internal.model.TrackEdits;
import org.lumaflow.ui.internal.model.Studio;

/** The studio's commands by name, shared by the menus ({@link StudioAction}) and the keyboard ({@link Shortcuts}). */
public final class Actions {

    private Actions() {
    }

    /** Whether {@code action} can run now (menus grey out the rest). */
    /**
     * The menu label of {@code action} when it depends on the state ("Undo Move clip 'a'\tCtrl+Z"), or null for a
     * fixed label.
     */
    public static String menuLabel(String action, Studio studio) {
        return switch (action) {
            case "undo" -> named("Undo", studio.edits().undoLabel()) + "\tCtrl+Z";
            case "redo" -> named("Redo", studio.edits().redoLabel()) + "\tCtrl+Shift+Z";
            default -> null;
        };
    }

    private static String named(String verb, String what) {
        return what == null ? verb : verb + " " + what;
    }

    public static boolean enabled(String action, Studio studio) {
        return switch (action) {
            case "undo" -> studio.edits().canUndo();
            case "redo" -> studio.edits().canRedo();
            case "split" -> splittable(studio) != null;
            case "delete", "ripple" -> studio.selectedClip() != null;
            default -> true;
        };
    }

    /** Runs {@code action}; failures are shown (or logged when unattended), never thrown at the caller. */
    public static void run(String action, Studio studio, Shell shell, MApplication app, EPartService parts) {
        try {
            switch (action) {
                case "new" -> newProject(studio, shell);
                case "settings" -> settings(studio, shell);
                case "open" -> open(studio, shell);
                case "save" -> {
                    if (studio.project().file() == null) {
                        saveAs(studio, shell);
                    } else {
                        studio.save();
                    }
                }
                case "saveas" -> saveAs(studio, shell);
                case "exportotio" -> OtioActions.exportTimeline(studio, shell);
                case "relink" -> OtioActions.relink(studio, shell);
                case "import" -> importMedia(studio, shell);
                case "export" -> show(parts, "org.lumaflow.ui.part.export");
                case "preferences" -> new PreferencesDialog(shell, studio).open();
                case "quit" -> org.lumaflow.ui.internal.ExitGuard.quit(shell, app);
                case "marker" -> studio.execute(org.lumaflow.ui.internal.model.MarkerEdits.add(
                        studio.timeline().markers(), studio.timeline().format().rate().frameToTicks(studio.playhead())));
                case "title" -> EditActions.title(studio);
                case "copy" -> EditActions.copy(studio);
                case "paste" -> EditActions.paste(studio);
                case "insert" -> EditActions.place(studio, true);
                case "overwrite" -> EditActions.place(studio, false);
                case "transition" -> EditActions.transition(studio);
                case "slip-", "slip+", "slide-", "slide+", "roll-", "roll+" -> EditActions.nudge(studio,
                        action.substring(0, action.length() - 1), action.endsWith("+") ? 1 : -1);
                case "undo" -> studio.undo();
                case "redo" -> studio.redo();
                case "split" -> split(studio);
                case "delete", "ripple" -> delete(studio, action.equals("ripple"));
                case "play" -> studio.transport().toggle();
                case "reverse" -> studio.transport().shuttle(-1);
                case "forward" -> studio.transport().shuttle(1);
                case "stop" -> studio.transport().stop();
                case "prev" -> step(studio, -1);
                case "next" -> step(studio, 1);
                case "home" -> studio.setPlayhead(0);
                case "end" -> studio.setPlayhead(Long.MAX_VALUE);
                case "qc" -> {
                    Job j = new QcJob(studio, shell.getDisplay());
                    j.setUser(true);
                    j.schedule();
                    show(parts, "org.lumaflow.ui.part.qc");
                }
                default -> throw new IllegalArgumentException("unknown action '" + action + "'");
            }
        } catch (TrackEdits.LockedException e) {
            studio.notice(e.getMessage()); // a refused edit: the status line says why
        } catch (Exception e) {
            Dialogs.error(shell, "Lumaflow Studio", action + ": " + e.getMessage());
        }
    }

    private static void show(EPartService parts, String id) {
        if (parts != null) {
            parts.showPart(id, EPartService.PartState.ACTIVATE);
        }
    }

    private static void step(Studio studio, int frames) {
        studio.transport().stop();
        studio.setPlayhead(studio.playhead() + frames);
    }

    /** File > New project: asks to save a dirty project first (as quitting does), then the new project's format. */
    private static void newProject(Studio studio, Shell shell) {
        if (!org.lumaflow.ui.internal.ExitGuard.saveOrDiscard(studio, shell, "creating a new project")) {
            return;
        }
        NewProjectDialog d = new NewProjectDialog(shell);
        if (d.open() == org.eclipse.jface.window.Window.OK && d.result() != null) {
            studio.setProject(d.result().newProject());
        }
    }

    /** File > Project settings: one undoable edit. */
    private static void settings(Studio studio, Shell shell) {
        ProjectSettingsDialog d = new ProjectSettingsDialog(shell, ProjectSettings.of(studio.project()));
        if (d.open() == org.eclipse.jface.window.Window.OK && d.result() != null
                && !d.result().equals(ProjectSettings.of(studio.project()))) {
            studio.execute(d.result().applyTo(studio));
        }
    }

    private static void open(Studio studio, Shell shell) throws Exception {
        if (studio.dirty() && !Dialogs.confirm(shell, "Unsaved changes", "Discard the changes to "
                + studio.project().name() + "?", false)) {
            return;
        }
        FileDialog d = new FileDialog(shell, SWT.OPEN);
        d.setText("Open project");
        d.setFilterExtensions(new String[] {"*.lumaflow;*.otio;*.otioz", "*.lumaflow", "*.otio;*.otioz", "*"});
        d.setFilterNames(new String[] {"Projects and timelines", "Lumaflow projects", "OpenTimelineIO", "All files"});
        String f = d.open();
        if (f != null) {
            OtioActions.opened(shell, Path.of(f), studio.open(Path.of(f)));
        }
    }

    private static void saveAs(Studio studio, Shell shell) throws Exception {
        String f = StudioAction.askSavePath(shell);
        if (f != null) {
            studio.saveAs(Path.of(f));
        }
    }

    private static void importMedia(Studio studio, Shell shell) {
        FileDialog d = new FileDialog(shell, SWT.OPEN | SWT.MULTI);
        d.setText("Import media");
        d.setFilterExtensions(new String[] {MediaFilter.pattern(), "*"});
        d.setFilterNames(new String[] {"Media files", "All files"});
        if (d.open() != null) {
            for (String name : d.getFileNames()) {
                studio.addMedia(Path.of(d.getFilterPath(), name));
            }
        }
    }

    /** The selected clip if the playhead is strictly inside it, else null. */
    private static Clip splittable(Studio studio) {
        Clip c = studio.selectedClip();
        if (c == null) {
            return null;
        }
        long t = studio.timeline().format().rate().frameToTicks(studio.playhead());
        return t > c.start() && t < c.end() ? c : null;
    }

    private static void split(Studio studio) {
        Clip c = splittable(studio);
        if (c == null) {
            return;
        }
        long t = studio.timeline().format().rate().frameToTicks(studio.playhead());
        Track track = studio.trackOf(c);
        String id = c.id();
        int n = 2;
        while (studio.findClip(id + "_" + n) != null) {
            n++;
        }
        studio.execute(Edits.split(track, c, t, id + "_" + n));
    }

    private static void delete(Studio studio, boolean ripple) {
        EditActions.deleteSelected(studio, ripple);
    }

}
