package dev.kiln.serve.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.modelfile.LoadedModel;
import dev.kiln.core.modelfile.ModelFile;
import dev.kiln.learn.linear.LinearRegression;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCacheTest {
    @TempDir
    Path tmp;

    @Test
    void loadsOnceKeepsTheRecentAndDropsTheEldest() throws Exception {
        var m = new LinearRegression().fit(Frame.of(DoubleColumn.of("x", 0, 1, 2), DoubleColumn.of("y", 1, 3, 5)), "y");
        ModelFile.save(m, tmp.resolve("saved"));
        ModelRegistry registry = new ModelRegistry(tmp.resolve("models"));
        for (int i = 0; i < 3; i++) {
            registry.register("m" + i, tmp.resolve("saved"), "");
        }
        ModelCache cache = new ModelCache(2);
        ModelVersion v0 = registry.resolve("m0", null);
        List<Future<LoadedModel>> loads = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                loads.add(pool.submit(() -> cache.get(v0)));
            }
            LoadedModel first = loads.get(0).get();
            for (Future<LoadedModel> f : loads) {
                assertThat(f.get()).as("concurrent first requests share one load").isSameAs(first);
            }
        }
        LoadedModel m0 = cache.get(v0);
        cache.get(registry.resolve("m1", null));
        assertThat(cache.get(v0)).isSameAs(m0);
        cache.get(registry.resolve("m2", null));
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get(v0)).as("m0 was used after m1, so m1 was dropped").isSameAs(m0);
    }
}
