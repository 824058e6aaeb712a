package org.lumaflow.live.internal.cli;
