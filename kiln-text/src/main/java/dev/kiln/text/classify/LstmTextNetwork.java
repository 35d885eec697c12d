package dev.kiln.text.classify;

import dev.kiln.core.random.Rng;
import dev.kiln.nn.layer.Dropout;
import dev.kiln.nn.layer.Embedding;
import dev.kiln.nn.layer.Linear;
import dev.kiln.nn.recurrent.Lstm;
import dev.kiln.nn.recurrent.RecurrentOutput;
import dev.kiln.nn.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The network of {@link LstmTextClassifier}: embedding ({@link Embeddings#initial}) →
 * (bidirectional) LSTM → pooling over time → dropout → linear. Parameters are named as PyTorch's
 * {@code state_dict} of the same modules would name them ({@code embedding.weight},
 * {@code lstm.weight_ih_l0}, …, {@code head.bias}).
 */
final class LstmTextNetwork implements TextNetwork {
    private final Embedding embedding;
    private final Lstm lstm;
    private final Linear head;
    private final LstmTextClassifier.Pooling pooling;

    LstmTextNetwork(int vocabulary, int classes, LstmTextClassifier.Params p, Rng rng) {
        this.embedding = Embeddings.initial(vocabulary, p.embeddingDim(), rng);
        this.lstm = new Lstm(new Lstm.Config(p.embeddingDim(), p.hiddenSize(), p.layers(), p.bidirectional()), rng);
        this.head = new Linear((p.bidirectional() ? 2 : 1) * p.hiddenSize(), classes, rng);
        this.pooling = p.pooling();
    }

    @Override
    public Tensor logits(TokenBatch batch, Dropout dropout) {
        Tensor x = embedding.forward(batch.ids(), batch.rows(), batch.steps());
        RecurrentOutput out = lstm.forward(x, batch.lengths());
        Tensor features = switch (pooling) {
            case LAST -> out.last();
            case MAX -> maxOverTime(out.output(), batch);
            case MEAN -> meanOverTime(out.output(), batch);
        };
        return head.forward(dropout == null ? features : dropout.forward(features));
    }

    /** The largest output of each feature over a sequence's own steps (padding steps are pushed far below). */
    private static Tensor maxOverTime(Tensor output, TokenBatch batch) {
        float[] mask = new float[batch.rows() * batch.steps()];
        boolean padded = false;
        for (int i = 0; i < batch.rows(); i++) {
            for (int t = batch.lengths()[i]; t < batch.steps(); t++) {
                mask[i * batch.steps() + t] = -1e9f;
                padded = true;
            }
        }
        return (padded ? output.add(Tensor.of(mask, batch.rows(), batch.steps(), 1)) : output).max(1);
    }

    /** The mean output over a sequence's own steps (padding outputs are zero). */
    private static Tensor meanOverTime(Tensor output, TokenBatch batch) {
        float[] scale = new float[batch.rows()];
        for (int i = 0; i < scale.length; i++) {
            scale[i] = 1f / batch.lengths()[i];
        }
        return output.sum(1).mul(Tensor.of(scale, batch.rows(), 1));
    }

    @Override
    public Embedding embedding() {
        return embedding;
    }

    @Override
    public Map<String, Tensor> namedParameters() {
        Map<String, Tensor> named = new LinkedHashMap<>();
        named.put("embedding.weight", embedding.weight());
        List<String> names = lstm.parameterNames();
        for (int k = 0; k < names.size(); k++) {
            named.put("lstm." + names.get(k), lstm.parameters().get(k));
        }
        named.put("head.weight", head.weight());
        named.put("head.bias", head.bias());
        return named;
    }
}
