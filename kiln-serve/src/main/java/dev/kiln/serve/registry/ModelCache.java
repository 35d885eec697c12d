package dev.kiln.serve.registry;

import dev.kiln.core.modelfile.LoadedModel;
import dev.kiln.core.modelfile.ModelFile;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Registered models loaded on first use and kept, at most {@code capacity} of them, the least
 * recently used dropped first. Concurrent first requests for one version load it once; a failed
 * load is not kept, so the next request tries again.
 */
public final class ModelCache {
    private final int capacity;
    private final Map<String, CompletableFuture<LoadedModel>> loaded;

    public ModelCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the model cache must hold at least 1 model, got " + capacity);
        }
        this.capacity = capacity;
        this.loaded = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<LoadedModel>> eldest) {
                return size() > ModelCache.this.capacity;
            }
        };
    }

    /** The model of {@code version}, loading it when it is not held. */
    public LoadedModel get(ModelVersion version) {
        String key = version.name() + "/" + version.version();
        CompletableFuture<LoadedModel> future;
        boolean mine = false;
        synchronized (loaded) {
            future = loaded.get(key);
            if (future == null) {
                future = new CompletableFuture<>();
                loaded.put(key, future);
                mine = true;
            }
        }
        if (mine) {
            try {
                future.complete(ModelFile.load(version.path()));
            } catch (RuntimeException e) {
                synchronized (loaded) {
                    loaded.remove(key, future);
                }
                future.completeExceptionally(e);
            }
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading " + key, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** How many models are held. */
    public int size() {
        synchronized (loaded) {
            return (int) loaded.values().stream().filter(f -> f.isDone() && !f.isCompletedExceptionally()).count();
        }
    }
}
