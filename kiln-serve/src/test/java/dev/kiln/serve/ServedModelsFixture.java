package dev.kiln.serve;

import dev.kiln.core.frame.CategoricalColumn;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.LongColumn;
import dev.kiln.core.frame.TextColumn;
import dev.kiln.core.model.Pipeline;
import dev.kiln.core.modelfile.ModelFile;
import dev.kiln.core.modelfile.ModelInfo;
import dev.kiln.core.modelfile.Provenance;
import dev.kiln.core.random.Rng;
import dev.kiln.learn.linear.LinearRegression;
import dev.kiln.learn.linear.LogisticRegression;
import dev.kiln.learn.preprocess.encode.OneHotEncoder;
import dev.kiln.serve.registry.ModelRegistry;
import dev.kiln.text.classify.TfidfLogisticRegression;
import java.nio.file.Path;
import java.util.Map;

/**
 * Three small models saved and registered in a temporary registry: {@code fruit}, a classifier on
 * a double, a long and a categorical column (one-hot + logistic regression); {@code price}, a
 * linear regression; {@code mood}, a text classifier. The first two record the ranges of their
 * training features: fruit weight in [0, 200), seeds in [0, 9]; price size in [0, 4].
 */
public final class ServedModelsFixture {
    private ServedModelsFixture() {
    }

    /** Rows where the class follows from weight and colour: heavy or red ones are "apple", the rest "cherry". */
    public static Frame fruit(int n, long seed) {
        Rng rng = Rng.seeded(seed);
        double[] weight = new double[n];
        long[] seeds = new long[n];
        String[] colour = new String[n];
        String[] kind = new String[n];
        for (int i = 0; i < n; i++) {
            weight[i] = rng.nextDouble() * 200;
            seeds[i] = rng.nextInt(10);
            colour[i] = rng.nextDouble() < 0.5 ? "red" : "green";
            kind[i] = weight[i] > 100 || colour[i].equals("red") ? "apple" : "cherry";
        }
        return Frame.of(DoubleColumn.of("weight", weight), LongColumn.of("seeds", seeds), CategoricalColumn.of("colour", colour),
                CategoricalColumn.of("kind", kind));
    }

    public static ModelRegistry registry(Path home) {
        ModelRegistry registry = new ModelRegistry(home.resolve("models"));
        Frame train = fruit(200, 1);
        var fruit = Pipeline.of(new OneHotEncoder(), new LogisticRegression()).fit(train, "kind");
        ModelFile.save(fruit, home.resolve("saved/fruit"), new ModelInfo("classification", "kind", Map.of("accuracy", 1.0),
                new Provenance("test", 200, "ServedModelsFixture.fruit(200, 1)", 1L, Map.of())).withFeatureRangesOf(train.drop("kind")));
        registry.register("fruit", home.resolve("saved/fruit"), "one-hot + logistic regression");

        double[] x = {0, 1, 2, 3, 4};
        double[] y = {1, 3, 5, 7, 9};
        Frame sizes = Frame.of(DoubleColumn.of("size", x));
        var price = new LinearRegression().fit(sizes.withColumn(DoubleColumn.of("price", y)), "price");
        ModelFile.save(price, home.resolve("saved/price"), new ModelInfo("regression", "price", Map.of(), Provenance.unknown())
                .withFeatureRangesOf(sizes));
        registry.register("price", home.resolve("saved/price"), "price = 2 size + 1");

        Frame reviews = Frame.of(TextColumn.of("text", "great lovely film", "awful boring film", "lovely great acting", "boring awful plot",
                "great fun", "awful mess"), CategoricalColumn.of("label", "pos", "neg", "pos", "neg", "pos", "neg"));
        var mood = new TfidfLogisticRegression().fit(reviews, "label");
        ModelFile.save(mood, home.resolve("saved/mood"), new ModelInfo("classification", "label", Map.of(), Provenance.unknown()));
        registry.register("mood", home.resolve("saved/mood"), "");
        return registry;
    }
}
