/**
 * Proxy media: low-resolution, all-intra copies of heavy files (larger than 1080p, more than 8 bits, long-GOP HEVC
 * and the like) made in the background ({@link org.lumaflow.decoder.proxy.Proxies}) and read by the viewer's preview
 * renders instead of the originals; exports, command-line renders and quality control always read the originals.
 * Version 0.1.0; not extension API yet (0.x): importers use {@code [0.1,0.2)}.
 */
package org.lumaflow.decoder.proxy;
