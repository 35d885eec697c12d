package dev.kiln.core.modelfile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The closed registry of model types a file may name: the codecs compiled into the Kiln
 * modules on the classpath, gathered once. A type id read from a file only ever selects one
 * of these; nothing in a file names a class to load.
 */
public final class ModelTypes {
    private static final Registry REGISTRY = Registry.load();

    private ModelTypes() {
    }

    /** The codec for {@code typeId}, or an error listing the known ids. */
    public static ModelCodec<?> forTypeId(String typeId) {
        ModelCodec<?> codec = REGISTRY.byId.get(typeId);
        if (codec == null) {
            throw new ModelFileException("unknown model type '" + typeId + "'; this Kiln knows: "
                    + String.join(", ", ids()));
        }
        return codec;
    }

    /** The codec for values of exactly {@code type}. */
    @SuppressWarnings("unchecked")
    public static <T> ModelCodec<T> forClass(Class<T> type) {
        ModelCodec<?> codec = REGISTRY.byClass.get(type);
        if (codec == null) {
            throw new ModelFileException(type.getName() + " cannot be saved: no model codec is registered for it");
        }
        return (ModelCodec<T>) codec;
    }

    /** Whether values of {@code type} can be saved. */
    public static boolean isSavable(Class<?> type) {
        return REGISTRY.byClass.containsKey(type);
    }

    /** All known type ids, sorted. */
    public static List<String> ids() {
        return Collections.unmodifiableList(new ArrayList<>(new TreeMap<>(REGISTRY.byId).keySet()));
    }

    private record Registry(Map<String, ModelCodec<?>> byId, Map<Class<?>, ModelCodec<?>> byClass) {
        static Registry load() {
            Map<String, ModelCodec<?>> byId = new HashMap<>();
            Map<Class<?>, ModelCodec<?>> byClass = new HashMap<>();
            for (ModelCodecProvider provider : ServiceLoader.load(ModelCodecProvider.class, ModelTypes.class.getClassLoader())) {
                for (ModelCodec<?> codec : provider.codecs()) {
                    ModelCodec<?> before = byId.putIfAbsent(codec.typeId(), codec);
                    if (before != null) {
                        throw new IllegalStateException("two codecs claim model type '" + codec.typeId() + "': "
                                + before.getClass().getName() + " and " + codec.getClass().getName());
                    }
                    byClass.put(codec.type(), codec);
                }
            }
            return new Registry(Map.copyOf(byId), Map.copyOf(byClass));
        }
    }
}
