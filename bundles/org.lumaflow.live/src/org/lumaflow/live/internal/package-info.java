/** Implementation of the live side; not API. Sub-packages: pipe, capture, compose, encode, output, session, cli. */
package org.lumaflow.live.internal;
