package dev.kiln.learn;

import dev.kiln.core.modelfile.ModelCodec;
import dev.kiln.core.modelfile.ModelCodecProvider;
import dev.kiln.learn.linear.LinearModelCodecs;
import java.util.List;

/** The model codecs of kiln-learn, registered through META-INF/services. */
public final class LearnModelCodecs implements ModelCodecProvider {

    @Override
    public List<ModelCodec<?>> codecs() {
        return LinearModelCodecs.all();
    }
}
