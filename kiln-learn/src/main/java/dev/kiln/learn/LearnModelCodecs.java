package dev.kiln.learn;

import dev.kiln.core.modelfile.ModelCodec;
import dev.kiln.core.modelfile.ModelCodecProvider;
import dev.kiln.learn.ensemble.EnsembleModelCodecs;
import dev.kiln.learn.linear.LinearModelCodecs;
import dev.kiln.learn.tree.TreeModelCodecs;
import java.util.List;
import java.util.stream.Stream;

/** The model codecs of kiln-learn, registered through META-INF/services. */
public final class LearnModelCodecs implements ModelCodecProvider {

    @Override
    public List<ModelCodec<?>> codecs() {
        return Stream.of(LinearModelCodecs.all(), TreeModelCodecs.all(), EnsembleModelCodecs.all()).flatMap(List::stream).toList();
    }
}
