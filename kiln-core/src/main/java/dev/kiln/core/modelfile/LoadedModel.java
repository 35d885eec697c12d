package dev.kiln.core.modelfile;

import java.nio.file.Path;

/** A model read from a file, with the manifest it came with. */
public record LoadedModel(Object model, Manifest manifest, Path source) {

    /** The model as a {@code type}, or an error saying what the file holds instead. */
    public <T> T as(Class<T> type) {
        if (!type.isInstance(model)) {
            throw new ModelFileException(source + ": holds a " + manifest.modelType() + " model ("
                    + model.getClass().getSimpleName() + "), not a " + type.getSimpleName());
        }
        return type.cast(model);
    }
}
