package dev.kiln.core.modelfile;

/**
 * Saves and restores one type of model or fitted component as data: hyperparameters and
 * structure in the manifest, arrays as safetensors tensors. Codecs are registered in
 * {@link ModelTypes}; a file names its codec by {@link #typeId()}, never by a Java class.
 *
 * @param <T> the type it saves
 */
public interface ModelCodec<T> {

    /** The id written in files, e.g. "linear-regression". Never change it once released. */
    String typeId();

    /** The class it saves (exactly; subclasses need codecs of their own). */
    Class<T> type();

    /**
     * The layout version this codec writes. Bump it when the layout changes and keep reading the
     * older versions: {@link ModelReader#typeVersion()} tells which one a file holds.
     */
    default int version() {
        return 1;
    }

    void write(T value, ModelWriter out);

    T read(ModelReader in);
}
