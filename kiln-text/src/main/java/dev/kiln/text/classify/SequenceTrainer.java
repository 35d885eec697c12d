package dev.kiln.text.classify;

import dev.kiln.core.progress.Progress;
import dev.kiln.core.random.Rng;
import dev.kiln.nn.layer.Dropout;
import dev.kiln.nn.loss.CrossEntropyLoss;
import dev.kiln.nn.optim.Adam;
import dev.kiln.nn.tensor.Tensor;
import dev.kiln.nn.train.EpochResult;
import dev.kiln.nn.train.TrainingHistory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mini-batch training of a {@link TextNetwork} by cross-entropy with Adam: each epoch shuffles
 * the training rows, pads each batch to its longest sequence, takes one step per batch, then
 * scores the validation rows; early stopping keeps the weights of the epoch with the lowest
 * validation loss. The same generator gives the same weights.
 */
final class SequenceTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(SequenceTrainer.class);
    private static final int EVAL_BATCH = 256;

    /**
     * @param who          the estimator, named in progress and errors
     * @param patience     epochs without a lower validation loss before stopping (0: run every epoch)
     */
    record Settings(String who, int epochs, int batchSize, double learningRate, double dropout, int patience) {
    }

    private SequenceTrainer() {
    }

    /**
     * Trains {@code network} in place on {@code train} rows of {@code sequences} and their
     * {@code labels}, scoring {@code validation} rows (possibly none) after each epoch.
     */
    static TrainingHistory train(TextNetwork network, List<int[]> sequences, int[] labels, int[] train, int[] validation,
                                 Settings s, Rng rng) {
        List<Tensor> params = network.parameters();
        Adam adam = new Adam(params, Adam.Params.adam(s.learningRate()));
        CrossEntropyLoss loss = new CrossEntropyLoss();
        Rng shuffle = rng.stream(0);
        Dropout dropout = new Dropout(s.dropout(), rng.stream(1));
        int[] order = train.clone();
        int batches = (order.length + s.batchSize() - 1) / s.batchSize();
        List<EpochResult> epochs = new ArrayList<>();
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        List<float[]> bestWeights = null;
        boolean stoppedEarly = false;
        for (int epoch = 1; epoch <= s.epochs(); epoch++) {
            shuffle.shuffle(order);
            long t0 = System.nanoTime();
            double lossSum = 0;
            long correct = 0;
            try (Progress progress = Progress.start(String.format(Locale.ROOT, "%s: epoch %d/%d", s.who(), epoch, s.epochs()), batches)) {
                for (int b = 0; b < batches; b++) {
                    int[] rows = Arrays.copyOfRange(order, b * s.batchSize(), Math.min(order.length, (b + 1) * s.batchSize()));
                    int[] y = pick(labels, rows);
                    Tensor logits = network.logits(TokenBatch.of(sequences, rows), dropout);
                    Tensor l = loss.apply(logits, y);
                    float value = l.item();
                    if (!Float.isFinite(value)) {
                        throw new IllegalStateException(s.who() + ": training diverged: the loss became " + value + " at epoch " + epoch
                                + ", step " + (b + 1) + " (learning rate " + s.learningRate() + "); try a lower learning rate");
                    }
                    adam.zeroGrad();
                    l.backward();
                    adam.step();
                    lossSum += (double) value * rows.length;
                    correct += correct(logits, y);
                    progress.step();
                    double seen = Math.min(order.length, (double) (b + 1) * s.batchSize());
                    progress.status(String.format(Locale.ROOT, "loss %.4f, acc %.4f", lossSum / seen, correct / seen));
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double[] val = validation.length == 0 ? new double[] {Double.NaN, Double.NaN}
                    : evaluate(network, sequences, labels, validation, loss);
            epochs.add(new EpochResult(epoch, lossSum / order.length, (double) correct / order.length, val[0], val[1], seconds,
                    order.length / seconds, s.learningRate()));
            LOG.info(String.format(Locale.ROOT, "%s: epoch %d/%d: loss %.4f, accuracy %.4f%s, %.1f s", s.who(), epoch, s.epochs(),
                    lossSum / order.length, (double) correct / order.length, validation.length == 0 ? ""
                            : String.format(Locale.ROOT, ", validation loss %.4f, accuracy %.4f", val[0], val[1]), seconds));
            if (validation.length == 0 || val[0] < bestLoss) {
                bestLoss = validation.length == 0 ? bestLoss : val[0];
                bestEpoch = epoch;
                if (s.patience() > 0) {
                    bestWeights = params.stream().map(t -> t.data().clone()).toList();
                }
            }
            if (s.patience() > 0 && epoch - bestEpoch >= s.patience() && epoch < s.epochs()) {
                stoppedEarly = true;
                LOG.info("{}: early stopping: no lower validation loss for {} epochs; keeping epoch {}", s.who(), s.patience(), bestEpoch);
                break;
            }
        }
        if (bestWeights != null && bestEpoch != epochs.size()) {
            for (int i = 0; i < params.size(); i++) {
                System.arraycopy(bestWeights.get(i), 0, params.get(i).data(), 0, bestWeights.get(i).length);
            }
        }
        return new TrainingHistory(epochs, bestEpoch, stoppedEarly);
    }

    /** Mean loss and accuracy over {@code rows}, without recording gradients. */
    private static double[] evaluate(TextNetwork network, List<int[]> sequences, int[] labels, int[] rows, CrossEntropyLoss loss) {
        double lossSum = 0;
        long correct = 0;
        try (var scope = Tensor.noGrad()) {
            for (int from = 0; from < rows.length; from += EVAL_BATCH) {
                int[] batch = Arrays.copyOfRange(rows, from, Math.min(rows.length, from + EVAL_BATCH));
                int[] y = pick(labels, batch);
                Tensor logits = network.logits(TokenBatch.of(sequences, batch), null);
                lossSum += (double) loss.apply(logits, y).item() * batch.length;
                correct += correct(logits, y);
            }
        }
        return new double[] {lossSum / rows.length, (double) correct / rows.length};
    }

    private static int[] pick(int[] values, int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }

    private static int correct(Tensor logits, int[] y) {
        int[] best = logits.argmax(1);
        int right = 0;
        for (int i = 0; i < y.length; i++) {
            right += best[i] == y[i] ? 1 : 0;
        }
        return right;
    }
}
