package dev.kiln.cli.nn;

import dev.kiln.cli.output.JsonOutput;
import dev.kiln.cli.output.Table;
import dev.kiln.core.metrics.ClassificationReport;
import dev.kiln.core.metrics.ConfusionMatrix;
import dev.kiln.core.modelfile.ModelFile;
import dev.kiln.core.modelfile.ModelInfo;
import dev.kiln.core.modelfile.Provenance;
import dev.kiln.core.plot.Heatmap;
import dev.kiln.core.plot.LineChart;
import dev.kiln.core.random.Rng;
import dev.kiln.core.report.HtmlReport;
import dev.kiln.nn.data.ImageDataset;
import dev.kiln.nn.layer.ChannelNormalization;
import dev.kiln.nn.layer.Sequential;
import dev.kiln.nn.model.Architectures;
import dev.kiln.nn.model.ImageClassifier;
import dev.kiln.nn.optim.Adam;
import dev.kiln.nn.optim.CosineAnnealing;
import dev.kiln.nn.optim.OneCycle;
import dev.kiln.nn.optim.Optimizer;
import dev.kiln.nn.optim.RmsProp;
import dev.kiln.nn.optim.Sgd;
import dev.kiln.nn.tensor.Tensor;
import dev.kiln.nn.train.ClassifierTrainer;
import dev.kiln.nn.train.EpochResult;
import dev.kiln.nn.train.TrainingConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;

/**
 * {@code kiln train --model mlp|cnn}: trains an image classifier of kiln-nn on IDX or image-CSV
 * data, scores it on test images, saves it, and optionally writes a report with the learning
 * curves and the confusion matrix.
 */
public final class ImageTraining {
    /** The command-line inputs that matter here. */
    public record Request(String model, Path data, Path test, double testSize, Map<String, String> params, long seed, Path out,
                          Path report, boolean json) {
    }

    private ImageTraining() {
    }

    public static boolean handles(String model) {
        return ImageModelParams.isImageModel(model);
    }

    public static int run(Request request, PrintWriter w) {
        ImageModelParams p = ImageModelParams.parse(request.model(), request.params(), request.seed());
        ImageDataset all = ImageDataset.read(request.data(), "train");
        ImageDataset train;
        ImageDataset test;
        if (request.test() != null) {
            train = all;
            test = ImageDataset.read(request.test(), "t10k");
        } else {
            if (!(request.testSize() > 0 && request.testSize() < 1)) {
                throw new IllegalArgumentException("--test-size must be in (0, 1) without --test, got " + request.testSize());
            }
            int[] order = Rng.seeded(request.seed()).permutation(all.size());
            int testRows = (int) Math.round(request.testSize() * all.size());
            if (testRows < 1 || testRows >= all.size()) {
                throw new IllegalArgumentException("--test-size " + request.testSize() + " leaves " + testRows + " of " + all.size()
                        + " images for testing; need at least one on each side");
            }
            test = all.subset(Arrays.copyOfRange(order, 0, testRows), "test split");
            train = all.subset(Arrays.copyOfRange(order, testRows, order.length), "training split");
        }
        int classes = Math.max(train.classes(), test.classes());
        List<String> names = IntStream.range(0, classes).mapToObj(Integer::toString).toList();
        Rng rng = Rng.seeded(p.seed());
        ChannelNormalization input = p.normalize()
                ? ChannelNormalization.measure(train.pixels(), train.channels(), train.height() * train.width()) : null;
        Sequential network = p.model().equals("mlp")
                ? Architectures.mlp(input, train.channels(), train.height(), train.width(), p.hidden(), classes, p.dropout(), rng)
                : Architectures.cnn(input, train.channels(), train.height(), train.width(), p.filters(), p.dense(), classes, p.dropout(), rng);
        int stepsPerEpoch = (int) Math.ceil(train.size() * (1 - p.validation()) / p.batchSize());
        TrainingConfig config = new TrainingConfig(p.epochs(), p.batchSize(), p.validation(), p.patience(), p.seed(), null);
        ClassifierTrainer trainer = new ClassifierTrainer(config, optimizer(p), schedule(p, stepsPerEpoch * p.epochs()));
        long t0 = System.nanoTime();
        ClassifierTrainer.Result result = trainer.fit(network, train, names);
        double fitSeconds = (System.nanoTime() - t0) / 1e9;
        ImageClassifier model = result.model();
        long t1 = System.nanoTime();
        int[] predicted = model.predict(test);
        double predictSeconds = (System.nanoTime() - t1) / 1e9;
        ClassificationReport scores = ClassificationReport.of(test.labels(), predicted, names);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("accuracy", scores.accuracy());
        metrics.put("balanced_accuracy", scores.balancedAccuracy());
        metrics.put("f1_macro", scores.f1Macro());
        Path saveTo = request.out() != null ? request.out() : Path.of("models", p.model());
        ModelFile.save(model, saveTo, new ModelInfo("classification", "label", metrics,
                new Provenance(train.fingerprint(), train.size(), request.data().toString(), p.seed(),
                        Map.of("model", p.model(), "params", p.describe().toString()))));

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", p.model());
        out.put("params", p.describe());
        out.put("parameters", model.parameterCount());
        out.put("train_images", train.size());
        out.put("test_images", test.size());
        out.put("epochs", result.history().epochs().stream().map(ImageTraining::epochMap).toList());
        out.put("best_epoch", result.history().bestEpoch());
        out.put("stopped_early", result.history().stoppedEarly());
        out.put("metrics", metrics);
        out.put("timings", Map.of("fit_seconds", fitSeconds, "predict_seconds", predictSeconds,
                "train_samples_per_second", result.history().samplesPerSecond()));
        out.put("model_path", saveTo.toString());
        if (request.report() != null) {
            out.put("report", report(request, p, result, test, predicted, scores, names).toString());
        }
        if (request.json()) {
            JsonOutput.print(w, out);
            return 0;
        }
        w.printf("%s on %s: %d training images (%dx%dx%d), %d classes, %,d parameters%n", p.model(), request.data(), train.size(),
                train.channels(), train.height(), train.width(), classes, model.parameterCount());
        Table t = Table.withHeader("epoch", "loss", "accuracy", "val loss", "val accuracy", "seconds", "samples/s");
        for (EpochResult e : result.history().epochs()) {
            boolean validated = !Double.isNaN(e.validationLoss());
            t.row(e.epoch(), e.trainLoss(), e.trainAccuracy(), validated ? e.validationLoss() : "-", validated ? e.validationAccuracy() : "-",
                    e.seconds(), Math.round(e.samplesPerSecond()));
        }
        w.print(t);
        if (result.history().stoppedEarly()) {
            w.println("stopped early; keeping epoch " + result.history().bestEpoch());
        }
        Table m = Table.withHeader("metric", "test");
        metrics.forEach(m::row);
        w.print(m);
        w.println("saved to " + saveTo + (request.report() != null ? "; report: " + out.get("report") : ""));
        return 0;
    }

    private static Map<String, Object> epochMap(EpochResult e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epoch", e.epoch());
        m.put("train_loss", e.trainLoss());
        m.put("train_accuracy", e.trainAccuracy());
        if (!Double.isNaN(e.validationLoss())) {
            m.put("validation_loss", e.validationLoss());
            m.put("validation_accuracy", e.validationAccuracy());
        }
        m.put("seconds", e.seconds());
        m.put("samples_per_second", e.samplesPerSecond());
        return m;
    }

    private static Function<List<Tensor>, Optimizer> optimizer(ImageModelParams p) {
        return switch (p.optimizer()) {
            case "adam" -> params -> new Adam(params, Adam.Params.adam(p.learningRate()).withWeightDecay(p.weightDecay()));
            case "adamw" -> params -> new Adam(params, Adam.Params.adamW(p.learningRate()).withWeightDecay(p.weightDecay()));
            case "sgd" -> params -> new Sgd(params, Sgd.Params.of(p.learningRate()).withMomentum(p.momentum()).withWeightDecay(p.weightDecay()));
            default -> params -> new RmsProp(params, RmsProp.Params.of(p.learningRate()).withMomentum(p.momentum())
                    .withWeightDecay(p.weightDecay()));
        };
    }

    private static IntToDoubleFunction schedule(ImageModelParams p, int totalSteps) {
        return switch (p.schedule()) {
            case "cosine" -> new CosineAnnealing(p.learningRate(), Math.max(1, totalSteps), 0)::rate;
            case "onecycle" -> {
                OneCycle c = OneCycle.of(p.learningRate(), Math.max(2, totalSteps));
                yield step -> c.rate(Math.min(step, Math.max(2, totalSteps) - 1));
            }
            default -> null;
        };
    }

    private static Path report(Request request, ImageModelParams p, ClassifierTrainer.Result result, ImageDataset test, int[] predicted,
                               ClassificationReport scores, List<String> names) {
        List<EpochResult> epochs = result.history().epochs();
        double[] x = epochs.stream().mapToDouble(EpochResult::epoch).toArray();
        LineChart loss = new LineChart("Loss", "epoch", "cross-entropy")
                .series("training", x, epochs.stream().mapToDouble(EpochResult::trainLoss).toArray());
        LineChart accuracy = new LineChart("Accuracy", "epoch", "accuracy")
                .series("training", x, epochs.stream().mapToDouble(EpochResult::trainAccuracy).toArray());
        if (!Double.isNaN(epochs.get(0).validationLoss())) {
            loss.series("validation", x, epochs.stream().mapToDouble(EpochResult::validationLoss).toArray());
            accuracy.series("validation", x, epochs.stream().mapToDouble(EpochResult::validationAccuracy).toArray());
        }
        int[][] counts = ConfusionMatrix.of(test.labels(), predicted, names.size()).counts();
        double[][] values = new double[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            values[i] = Arrays.stream(counts[i]).asDoubleStream().toArray();
        }
        String[] labels = names.toArray(String[]::new);
        HtmlReport html = new HtmlReport("Kiln: " + p.model() + " on " + request.data().getFileName())
                .keyValues(p.describe())
                .keyValues(Map.of("test accuracy", String.format(Locale.ROOT, "%.4f", scores.accuracy()),
                        "macro F1", String.format(Locale.ROOT, "%.4f", scores.f1Macro())))
                .figure("loss.svg", loss, "Cross-entropy per epoch")
                .figure("accuracy.svg", accuracy, "Accuracy per epoch")
                .figure("confusion-matrix.svg", new Heatmap("Confusion matrix (test)", "true class", "predicted class", labels, labels, values),
                        "Rows: true class; columns: predicted class");
        return html.write(request.report());
    }
}
