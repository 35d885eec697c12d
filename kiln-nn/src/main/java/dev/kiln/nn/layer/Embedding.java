package dev.kiln.nn.layer;

import dev.kiln.core.random.Rng;
import dev.kiln.nn.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * A lookup table of learned vectors, one row of a weight matrix [vocabulary, dimension] per
 * token id (Bengio et al., "A Neural Probabilistic Language Model", JMLR 2003): PyTorch's
 * {@code nn.Embedding}, initialised N(0, 1). Ids of shape [...] give vectors of shape
 * [..., dimension]; the backward pass adds each position's gradient into its id's row. The
 * padding id's row, if there is one, starts at zero and never receives a gradient.
 */
public final class Embedding implements Module {
    /** The {@link Config#paddingIndex()} of a table without a padding row. */
    public static final int NO_PADDING = -1;

    /**
     * @param vocabularySize the number of ids, ≥ 1
     * @param dimension      the length of each vector, ≥ 1
     * @param paddingIndex   the id whose row stays fixed, in [0, vocabularySize), or {@link #NO_PADDING}
     */
    public record Config(int vocabularySize, int dimension, int paddingIndex) {
        public Config {
            if (vocabularySize < 1 || dimension < 1) {
                throw new IllegalArgumentException("Embedding: vocabularySize and dimension must be >= 1, got "
                        + vocabularySize + " and " + dimension);
            }
            if (paddingIndex != NO_PADDING && (paddingIndex < 0 || paddingIndex >= vocabularySize)) {
                throw new IllegalArgumentException("Embedding: paddingIndex must be in [0, " + vocabularySize
                        + ") or NO_PADDING (-1), got " + paddingIndex);
            }
        }

        public Config(int vocabularySize, int dimension) {
            this(vocabularySize, dimension, NO_PADDING);
        }

        public Config withPaddingIndex(int index) {
            return new Config(vocabularySize, dimension, index);
        }
    }

    private final Config config;
    private final Tensor weight;

    public Embedding(Config config, Rng rng) {
        this.config = config;
        Tensor w = Tensor.randn(rng, config.vocabularySize(), config.dimension());
        if (config.paddingIndex() != NO_PADDING) {
            Arrays.fill(w.data(), config.paddingIndex() * config.dimension(), (config.paddingIndex() + 1) * config.dimension(), 0f);
        }
        this.weight = w.requireGrad();
    }

    public Embedding(int vocabularySize, int dimension, Rng rng) {
        this(new Config(vocabularySize, dimension), rng);
    }

    /** A table with the given weights [vocabulary, dimension] (used as they are, padding row included), which become its parameter. */
    public Embedding(Tensor weight, int paddingIndex) {
        if (weight.rank() != 2) {
            throw new IllegalArgumentException("Embedding: weight must be [vocabulary, dimension], got shape " + Arrays.toString(weight.shape()));
        }
        this.config = new Config(weight.dim(0), weight.dim(1), paddingIndex);
        this.weight = weight.requiresGrad() ? weight : weight.requireGrad();
    }

    /** The vectors of {@code ids}, whole numbers stored as floats, of any shape [...]: a tensor [..., dimension]. */
    @Override
    public Tensor forward(Tensor ids) {
        float[] v = ids.data();
        int[] indices = new int[v.length];
        for (int p = 0; p < v.length; p++) {
            if (v[p] != Math.rint(v[p])) {
                throw new IllegalArgumentException("Embedding: ids must be whole numbers, got " + v[p] + " at position " + p);
            }
            if (v[p] < 0 || v[p] >= config.vocabularySize()) {
                throw outOfVocabulary((long) v[p], p);
            }
            indices[p] = (int) v[p];
        }
        return lookup(indices, ids.shape());
    }

    /** The vectors of {@code ids} seen in {@code shape} (their count by default): a tensor [...shape, dimension]. */
    public Tensor forward(int[] ids, int... shape) {
        int[] s = shape.length == 0 ? new int[] {ids.length} : shape;
        long size = 1;
        for (int d : s) {
            size *= d;
        }
        if (size != ids.length || Arrays.stream(s).anyMatch(d -> d < 0)) {
            throw new IllegalArgumentException("Embedding: " + ids.length + " ids do not fill shape " + Arrays.toString(s));
        }
        return lookup(ids, s);
    }

    private Tensor lookup(int[] ids, int[] idShape) {
        int vocabulary = config.vocabularySize();
        int dim = config.dimension();
        for (int p = 0; p < ids.length; p++) {
            if (ids[p] < 0 || ids[p] >= vocabulary) {
                throw outOfVocabulary(ids[p], p);
            }
        }
        float[] table = weight.data();
        float[] out = new float[ids.length * dim];
        for (int p = 0; p < ids.length; p++) {
            System.arraycopy(table, ids[p] * dim, out, p * dim, dim);
        }
        int[] outShape = Arrays.copyOf(idShape, idShape.length + 1);
        outShape[idShape.length] = dim;
        int padding = config.paddingIndex();
        return Tensor.derived("embedding", out, outShape, g -> {
            float[] gw = weight.gradientBuffer();
            for (int p = 0; p < ids.length; p++) {
                if (ids[p] == padding) {
                    continue;
                }
                int row = ids[p] * dim;
                int at = p * dim;
                for (int j = 0; j < dim; j++) {
                    gw[row + j] += g[at + j];
                }
            }
        }, weight);
    }

    private IndexOutOfBoundsException outOfVocabulary(long id, int position) {
        return new IndexOutOfBoundsException("Embedding: id " + id + " at position " + position + " is outside the vocabulary of size "
                + config.vocabularySize() + " (ids 0 to " + (config.vocabularySize() - 1) + ")");
    }

    @Override
    public List<Tensor> parameters() {
        return List.of(weight);
    }

    public Config config() {
        return config;
    }

    /** The table [vocabulary, dimension]. */
    public Tensor weight() {
        return weight;
    }
}
