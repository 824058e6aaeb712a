/**
 * Projects: {@link Project}, loaded and saved by {@link ProjectIO} (Lumaflow JSON, or any {@link ProjectFormat}
 * service by extension). 0.1.1 added {@link ProjectFormat} and the extension dispatch.
 */
@Version("0.1.1")
package org.lumaflow.engine.project;

import org.osgi.annotation.versioning.Version;
