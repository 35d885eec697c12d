package dev.kiln.nn.train;

import dev.kiln.core.modelfile.ModelFile;
import dev.kiln.core.progress.Progress;
import dev.kiln.core.random.Rng;
import dev.kiln.nn.data.ImageDataset;
import dev.kiln.nn.layer.Sequential;
import dev.kiln.nn.loss.CrossEntropyLoss;
import dev.kiln.nn.model.ImageClassifier;
import dev.kiln.nn.optim.Optimizer;
import dev.kiln.nn.tensor.Softmax;
import dev.kiln.nn.tensor.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.IntToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mini-batch training of an image classifier by cross-entropy: each epoch shuffles the training
 * rows, takes one optimiser step per batch, and scores the held-out validation rows; early
 * stopping keeps the weights of the epoch with the lowest validation loss. A NaN or infinite
 * loss stops training with the epoch and step. Runs are repeatable: the same seed and data give
 * the same weights.
 */
public final class ClassifierTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(ClassifierTrainer.class);
    private static final int EVAL_BATCH = 256;

    private final TrainingConfig config;
    private final Function<List<Tensor>, Optimizer> optimizer;
    private final IntToDoubleFunction schedule;

    /**
     * @param optimizer builds the optimiser for the network's parameters
     * @param schedule  the learning rate at each optimiser step (0-based, counted over the whole
     *                  run), or null to keep the optimiser's own
     */
    public ClassifierTrainer(TrainingConfig config, Function<List<Tensor>, Optimizer> optimizer, IntToDoubleFunction schedule) {
        this.config = config;
        this.optimizer = optimizer;
        this.schedule = schedule;
    }

    public ClassifierTrainer(TrainingConfig config, Function<List<Tensor>, Optimizer> optimizer) {
        this(config, optimizer, null);
    }

    /** The trained model and how training went. */
    public record Result(ImageClassifier model, TrainingHistory history) {
    }

    /** Trains {@code network} (in place) on {@code data}, whose labels index {@code classNames}. */
    public Result fit(Sequential network, ImageDataset data, List<String> classNames) {
        if (data.classes() > classNames.size()) {
            throw new IllegalArgumentException(data.source() + " has labels up to " + (data.classes() - 1) + " but only "
                    + classNames.size() + " class names were given");
        }
        ImageClassifier.of(network, data.channels(), data.height(), data.width(), classNames);
        Rng rng = Rng.seeded(config.seed());
        int[] order = rng.permutation(data.size());
        int validationRows = (int) Math.round(config.validationFraction() * data.size());
        if (config.validationFraction() > 0 && (validationRows < 1 || validationRows >= data.size())) {
            throw new IllegalArgumentException("a validation fraction of " + config.validationFraction() + " leaves "
                    + validationRows + " of " + data.size() + " rows for validation; need at least one on each side");
        }
        int[] validation = Arrays.copyOfRange(order, 0, validationRows);
        int[] train = Arrays.copyOfRange(order, validationRows, order.length);
        if (train.length == 0) {
            throw new IllegalArgumentException(data.source() + " has no rows to train on");
        }
        List<Tensor> params = network.parameters();
        Optimizer opt = optimizer.apply(params);
        CrossEntropyLoss loss = new CrossEntropyLoss();
        List<EpochResult> epochs = new ArrayList<>();
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        List<float[]> bestWeights = null;
        boolean stoppedEarly = false;
        int globalStep = 0;
        int batches = (train.length + config.batchSize() - 1) / config.batchSize();
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            rng.shuffle(train);
            network.train(true);
            long t0 = System.nanoTime();
            double lossSum = 0;
            long correct = 0;
            try (Progress progress = Progress.start(String.format(Locale.ROOT, "Epoch %d/%d", epoch, config.epochs()), batches)) {
                for (int b = 0; b < batches; b++) {
                    int from = b * config.batchSize();
                    int[] rows = Arrays.copyOfRange(train, from, Math.min(train.length, from + config.batchSize()));
                    if (schedule != null) {
                        opt.setLearningRate(schedule.applyAsDouble(globalStep));
                    }
                    Tensor logits = network.forward(data.images(rows));
                    int[] labels = data.labels(rows);
                    Tensor l = loss.apply(logits, labels);
                    float value = l.item();
                    if (!Float.isFinite(value)) {
                        throw new TrainingDivergedException(epoch, b + 1, value, opt.learningRate());
                    }
                    opt.zeroGrad();
                    l.backward();
                    opt.step();
                    globalStep++;
                    lossSum += (double) value * rows.length;
                    correct += countCorrect(logits.data(), labels, logits.dim(1));
                    progress.step();
                    if ((b & 15) == 15 || b == batches - 1) {
                        double seen = Math.min(train.length, (double) (b + 1) * config.batchSize());
                        progress.status(String.format(Locale.ROOT, "loss %.4f, acc %.4f", lossSum / seen, correct / seen));
                    }
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            network.train(false);
            double[] val = validation.length == 0 ? new double[] {Double.NaN, Double.NaN} : evaluate(network, data, validation, loss);
            EpochResult result = new EpochResult(epoch, lossSum / train.length, (double) correct / train.length, val[0], val[1],
                    seconds, train.length / seconds, opt.learningRate());
            epochs.add(result);
            LOG.info(String.format(Locale.ROOT, "epoch %d/%d: loss %.4f, accuracy %.4f%s, %.1f s, %,.0f samples/s", epoch, config.epochs(),
                    result.trainLoss(), result.trainAccuracy(), validation.length == 0 ? ""
                            : String.format(Locale.ROOT, ", validation loss %.4f, accuracy %.4f", val[0], val[1]),
                    seconds, result.samplesPerSecond()));
            boolean improved = validation.length == 0 || val[0] < bestLoss;
            if (improved) {
                bestLoss = validation.length == 0 ? bestLoss : val[0];
                bestEpoch = epoch;
                if (config.patience() > 0) {
                    bestWeights = params.stream().map(t -> t.data().clone()).toList();
                }
            }
            if (config.checkpoints() != null) {
                checkpoint(network, data, classNames, config.checkpoints().resolve("last"));
                if (improved && validation.length > 0) {
                    checkpoint(network, data, classNames, config.checkpoints().resolve("best"));
                }
            }
            if (config.patience() > 0 && epoch - bestEpoch >= config.patience() && epoch < config.epochs()) {
                stoppedEarly = true;
                LOG.info("early stopping: no lower validation loss for {} epochs; keeping epoch {}", config.patience(), bestEpoch);
                break;
            }
        }
        if (bestWeights != null && bestEpoch != epochs.size()) {
            for (int i = 0; i < params.size(); i++) {
                System.arraycopy(bestWeights.get(i), 0, params.get(i).data(), 0, bestWeights.get(i).length);
            }
        }
        network.train(false);
        ImageClassifier model = ImageClassifier.of(network, data.channels(), data.height(), data.width(), classNames);
        return new Result(model, new TrainingHistory(epochs, bestEpoch, stoppedEarly));
    }

    private static void checkpoint(Sequential network, ImageDataset data, List<String> classNames, Path where) {
        network.train(false);
        ModelFile.save(ImageClassifier.of(network, data.channels(), data.height(), data.width(), classNames), where);
    }

    /** Mean loss and accuracy over {@code rows}, without recording gradients. */
    private static double[] evaluate(Sequential network, ImageDataset data, int[] rows, CrossEntropyLoss loss) {
        double lossSum = 0;
        long correct = 0;
        try (var scope = Tensor.noGrad()) {
            for (int from = 0; from < rows.length; from += EVAL_BATCH) {
                int[] batch = Arrays.copyOfRange(rows, from, Math.min(rows.length, from + EVAL_BATCH));
                Tensor logits = network.forward(data.images(batch));
                int[] labels = data.labels(batch);
                lossSum += (double) loss.apply(logits, labels).item() * batch.length;
                correct += countCorrect(logits.data(), labels, logits.dim(1));
            }
        }
        return new double[] {lossSum / rows.length, (double) correct / rows.length};
    }

    static int countCorrect(float[] logits, int[] labels, int classes) {
        int[] best = Softmax.argmaxRows(logits, classes);
        int right = 0;
        for (int i = 0; i < labels.length; i++) {
            right += best[i] == labels[i] ? 1 : 0;
        }
        return right;
    }
}
