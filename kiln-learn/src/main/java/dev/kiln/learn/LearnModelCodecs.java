package dev.kiln.learn;

import dev.kiln.core.modelfile.ModelCodec;
import dev.kiln.core.modelfile.ModelCodecProvider;
import dev.kiln.learn.cluster.ClusterModelCodecs;
import dev.kiln.learn.decompose.DecomposeCodecs;
import dev.kiln.learn.ensemble.EnsembleModelCodecs;
import dev.kiln.learn.linear.LinearModelCodecs;
import dev.kiln.learn.neighbors.NeighborsModelCodecs;
import dev.kiln.learn.preprocess.compose.ComposeCodecs;
import dev.kiln.learn.preprocess.encode.EncodeCodecs;
import dev.kiln.learn.preprocess.features.FeatureCodecs;
import dev.kiln.learn.preprocess.impute.ImputeCodecs;
import dev.kiln.learn.preprocess.outlier.OutlierCodecs;
import dev.kiln.learn.preprocess.scale.ScaleCodecs;
import dev.kiln.learn.select.SelectCodecs;
import dev.kiln.learn.svm.SvmModelCodecs;
import dev.kiln.learn.tree.TreeModelCodecs;
import java.util.List;
import java.util.stream.Stream;

/** The model codecs of kiln-learn, registered through META-INF/services: one line per package. */
public final class LearnModelCodecs implements ModelCodecProvider {

    @Override
    public List<ModelCodec<?>> codecs() {
        return Stream.of(
                LinearModelCodecs.all(),
                NeighborsModelCodecs.all(),
                SvmModelCodecs.all(),
                TreeModelCodecs.all(),
                EnsembleModelCodecs.all(),
                ScaleCodecs.all(),
                ImputeCodecs.all(),
                OutlierCodecs.all(),
                EncodeCodecs.all(),
                ComposeCodecs.all(),
                FeatureCodecs.all(),
                SelectCodecs.all(),
                DecomposeCodecs.all(),
                ClusterModelCodecs.all()
        ).flatMap(List::stream).toList();
    }
}
