package org.lumaflow.ui.internal.jobs;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.lumaflow.ui.internal.model.Studio;

/** Placeholder: being written. */
public final class QcJob extends Job {

    public QcJob(Studio studio, Display display) {
        super("QC");
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        return Status.OK_STATUS;
    }
}
