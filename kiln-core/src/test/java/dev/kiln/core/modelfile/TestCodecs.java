package dev.kiln.core.modelfile;

import java.util.List;

/** The codecs of the test-only model types, found through META-INF/services in the test resources. */
public final class TestCodecs implements ModelCodecProvider {
    @Override
    public List<ModelCodec<?>> codecs() {
        return List.of(new ScaledSumModel.Codec(), new AddConstant.Codec());
    }
}
