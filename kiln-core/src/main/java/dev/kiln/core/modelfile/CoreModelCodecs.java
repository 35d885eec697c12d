package dev.kiln.core.modelfile;

import java.util.List;

/** The codecs kiln-core itself provides. */
public final class CoreModelCodecs implements ModelCodecProvider {

    @Override
    public List<ModelCodec<?>> codecs() {
        return List.of(new PipelineModelCodec());
    }
}
