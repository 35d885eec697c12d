package dev.kiln.learn;

import dev.kiln.core.modelfile.ModelCodec;
import dev.kiln.core.modelfile.ModelCodecProvider;
import dev.kiln.learn.linear.LinearModelCodecs;
import dev.kiln.learn.preprocess.compose.ComposeCodecs;
import dev.kiln.learn.preprocess.encode.EncodeCodecs;
import dev.kiln.learn.preprocess.features.FeatureCodecs;
import dev.kiln.learn.preprocess.impute.ImputeCodecs;
import dev.kiln.learn.preprocess.outlier.OutlierCodecs;
import dev.kiln.learn.preprocess.scale.ScaleCodecs;
import dev.kiln.learn.select.SelectCodecs;
import java.util.ArrayList;
import java.util.List;

/** The model codecs of kiln-learn, registered through META-INF/services. */
public final class LearnModelCodecs implements ModelCodecProvider {

    @Override
    public List<ModelCodec<?>> codecs() {
        List<ModelCodec<?>> all = new ArrayList<>(LinearModelCodecs.all());
        all.addAll(ScaleCodecs.all());
        all.addAll(ImputeCodecs.all());
        all.addAll(OutlierCodecs.all());
        all.addAll(EncodeCodecs.all());
        all.addAll(ComposeCodecs.all());
        all.addAll(FeatureCodecs.all());
        all.addAll(SelectCodecs.all());
        return List.copyOf(all);
    }
}
