package dev.kiln.core.modelfile;

import java.util.List;

/**
 * Contributes a module's codecs to {@link ModelTypes}. Each Kiln module lists its provider in
 * {@code META-INF/services/dev.kiln.core.modelfile.ModelCodecProvider}.
 */
public interface ModelCodecProvider {

    List<ModelCodec<?>> codecs();
}
