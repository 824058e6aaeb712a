/**
 * Keyframe animation of node parameters. Extension API: plugins import {@code [1.0,2.0)}.
 */
@Version("1.0.0")
package org.lumaflow.engine.anim;

import org.osgi.annotation.versioning.Version;
