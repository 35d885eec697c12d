package dev.kiln.bench;

import dev.kiln.bench.gemm.GemmReport;
import dev.kiln.bench.nn.NnComparison;
import dev.kiln.bench.supervised.SupervisedComparison;
import dev.kiln.bench.text.TextVectorsComparison;
import dev.kiln.bench.unsupervised.UnsupervisedComparison;
import java.util.Arrays;

/**
 * Entry point of {@code ./kiln bench}: {@code gemm} runs the GEMM comparison and
 * {@code supervised} and {@code unsupervised} the comparisons of the learning models with
 * scikit-learn, {@code nn} the neural networks beside PyTorch, {@code text} the TF-IDF pipelines
 * beside scikit-learn, {@code text-vectors} word2vec beside gensim, {@code embeddings} the sentence
 * encoder beside langchain4j, {@code search} exact and HNSW vector search beside faiss and hnswlib, {@code drift} the drift tests beside SciPy, each writing
 * its report; {@code minilm-references} writes the reference
 * files of the sentence encoder's tests; anything else goes to JMH's own command line (e.g. {@code -l}
 * lists benchmarks).
 */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("gemm")) {
            GemmReport.main(Arrays.copyOfRange(args, 1, args.length));
        } else if (args.length > 0 && args[0].equals("supervised")) {
            SupervisedComparison.main(Arrays.copyOfRange(args, 1, args.length));
        } else if (args.length > 0 && args[0].equals("nn")) {
            NnComparison.main(Arrays.copyOfRange(args, 1, args.length));
        } else if (args.length > 0 && args[0].equals("text")) {
            dev.kiln.bench.text.TextComparison.main(Arrays.copyOfRange(args, 1, args.length));
        } else if (args.length > 0 && args[0].equals("text-vectors")) {
            TextVectorsComparison.main(Arrays.copyOfRange(args, 1, args.length));
        } else if (args.length > 0 && args[0].equals("embeddings")) {
            dev.kiln.bench.text.EmbeddingComparison.main(Arrays.copyOfRange(args, 1, args.length));
        } else if (args.length > 0 && args[0].equals("search")) {
            dev.kiln.bench.search.SearchComparison.main(Arrays.copyOfRange(args, 1, args.length));
        } else if (args.length > 0 && args[0].equals("minilm-references")) {
            dev.kiln.bench.text.MiniLmReferences.main(Arrays.copyOfRange(args, 1, args.length));
        } else if (args.length > 0 && args[0].equals("drift")) {
            dev.kiln.bench.monitor.DriftComparison.main(Arrays.copyOfRange(args, 1, args.length));
        } else if (args.length > 0 && args[0].equals("unsupervised")) {
            UnsupervisedComparison.main(Arrays.copyOfRange(args, 1, args.length));
        } else {
            org.openjdk.jmh.Main.main(args);
        }
    }
}
