/**
 * Installed extensions (plugins): what the {@code dropins/} folder beside the product holds, what each bundle
 * contributes (node types, pixel converters) and what failed (install, resolve, start, bind, render quarantine).
 * Extension API: consumers import {@code [1.0,2.0)}.
 */
@Version("1.0.0")
package org.lumaflow.extensions;

import org.osgi.annotation.versioning.Version;
