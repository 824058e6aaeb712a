package org.lumaflow.decoder.internal;

import java.util.List;

import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeKind;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.graph.ParamSpec;
import org.lumaflow.engine.graph.PortType;
import org.osgi.service.component.annotations.Component;

/**
 * {@code media.audio}: the source of an audio-only clip (music, voice-over, a WAV from a recorder). Heard through the
 * timeline's audio mix ({@code org.lumaflow.export.audio.TimelineAudio}); the picture graph leaves such clips out, so
 * this node draws nothing: registered so that editors list its parameters and projects using it validate.
 */
@Component(service = NodeType.class)
public final class MediaAudioNode implements NodeType {

    static final NodeDescriptor DESCRIPTOR = new NodeDescriptor("media.audio", "Audio file", "Source",
            "An audio file (WAV, FLAC, MP3, AAC/M4A, Opus...) or the sound of a video file, heard on the timeline; "
                    + "it adds no picture. Gain, fades and speed are the clip's audio settings.",
            List.of(), PortType.IMAGE, List.of(ParamSpec.file("file", "Media file")))
            .traits(NodeKind.GENERATOR, false);

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void render(NodeContext ctx) {
        ctx.output().clear(); // transparent: never composited (the timeline leaves audio-only clips out)
    }
}
