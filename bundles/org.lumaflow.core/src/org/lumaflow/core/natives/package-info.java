/**
 * The native libraries Lumaflow unpacks at run time (FFmpeg, OpenCV, LWJGL): each bundle that ships some registers a
 * {@link NativeLibrarySet} service, and {@link NativeCheck} tells which system libraries they need are missing, with
 * the Debian/Ubuntu package to install ({@code lumaflow doctor}).
 */
@Version("1.0.0")
package org.lumaflow.core.natives;

import org.osgi.annotation.versioning.Version;
