package dev.kiln.text.classify;

import dev.kiln.learn.catalog.ModelCatalog;
import dev.kiln.learn.catalog.ModelSpec;
import dev.kiln.learn.catalog.ParamSpec;
import dev.kiln.learn.catalog.ParamValues;
import dev.kiln.learn.linear.LogisticRegression;
import dev.kiln.learn.selection.Task;
import dev.kiln.text.encode.SentenceEncoder;
import dev.kiln.text.vectorize.TextAnalyzer;
import dev.kiln.text.vectorize.TfidfVectorizer;
import dev.kiln.text.vectors.VectorFormat;
import dev.kiln.text.vectors.WordVectors;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The text classifiers as the command line names them ({@code kiln train/cv/tune --model tfidf-logreg}). */
public final class TextModels implements ModelCatalog.Provider {
    /** The column every text model reads; read back with {@link #textColumn}. */
    private static final ParamSpec TEXT_COL = ParamSpec.name("text_col", "the text column (default: the frame's only text column)");

    @Override
    public List<ModelSpec> models() {
        return List.of(tfidfLogisticRegression(), lstm(), miniLmLogisticRegression());
    }

    static ModelSpec tfidfLogisticRegression() {
        TfidfVectorizer.Params tfidf = TfidfVectorizer.Params.defaults();
        return new ModelSpec(TfidfLogisticRegression.NAME, "TF-IDF vectors of a text column into logistic regression",
                Set.of(Task.CLASSIFICATION), false, List.of(
                ParamSpec.integer("ngram_max", 1, "longest word n-gram (1: words, 2: words and pairs)"),
                ParamSpec.choice("analyzer", "word", "what n-grams are made of", "word", "char_wb"),
                ParamSpec.integer("min_df", 1, "keep terms in at least this many documents"),
                ParamSpec.number("max_df", 1.0, "keep terms in at most this share of documents"),
                ParamSpec.integerOrWord("max_features", null, "keep only the most frequent terms", "none"),
                ParamSpec.bool("sublinear_tf", false, "use 1 + ln(tf)"),
                ParamSpec.choice("stop_words", "none", "stop words to drop", "none", "english"),
                ParamSpec.choice("stemmer", "none", "stemmer for words", "none", "porter", "english"),
                ParamSpec.number("C", 1.0, "inverse penalty strength of the logistic regression"),
                ParamSpec.integer("max_iter", 100, "most L-BFGS iterations"),
                TEXT_COL),
                (task, p) -> new TfidfLogisticRegression(params(p, tfidf)), ModelSpec.Input.TEXT);
    }

    static ModelSpec lstm() {
        LstmTextClassifier.Params d = LstmTextClassifier.Params.defaults();
        return new ModelSpec(LstmTextClassifier.NAME, "word embeddings into a bidirectional LSTM, trained with Adam (kiln-nn)",
                Set.of(Task.CLASSIFICATION), false, List.of(
                ParamSpec.integer("embedding_dim", d.embeddingDim(), "length of each word vector"),
                ParamSpec.integer("hidden", d.hiddenSize(), "LSTM units per direction"),
                ParamSpec.integer("layers", d.layers(), "stacked LSTM layers"),
                ParamSpec.bool("bidirectional", d.bidirectional(), "also read each text backwards"),
                ParamSpec.choice("pooling", d.pooling().name().toLowerCase(Locale.ROOT), "outputs over time to one vector",
                        java.util.Arrays.stream(LstmTextClassifier.Pooling.values()).map(v -> v.name().toLowerCase(Locale.ROOT))
                                .toArray(String[]::new)),
                ParamSpec.number("dropout", d.dropout(), "dropout before the output layer"),
                ParamSpec.integer("epochs", d.epochs(), "most passes over the training rows"),
                ParamSpec.integer("batch_size", d.batchSize(), "texts per Adam step"),
                ParamSpec.number("learning_rate", d.learningRate(), "Adam's step size"),
                ParamSpec.integer("max_length", d.maxLength(), "words read per text"),
                ParamSpec.integer("vocabulary_size", d.vocabularySize(), "most words embedded"),
                ParamSpec.integer("min_count", d.minCount(), "embed words seen at least this often"),
                ParamSpec.number("validation", d.validationFraction(), "share of rows held out to pick the epoch (0: none)"),
                ParamSpec.integer("patience", d.patience(), "epochs without a lower validation loss before stopping"),
                ParamSpec.integer("seed", (int) d.seed(), "seeds weights, split, shuffles and dropout"),
                ParamSpec.name("vectors", "word vectors (word2vec text or binary file) to start the embeddings from; "
                        + "embedding_dim follows the file"),
                TEXT_COL),
                (task, p) -> {
                    WordVectors vectors = p.word("vectors").equals("none") ? null
                            : WordVectors.read(Path.of(p.word("vectors")), VectorFormat.forFile(Path.of(p.word("vectors"))));
                    LstmTextClassifier lstm = new LstmTextClassifier(new LstmTextClassifier.Params(textColumn(p),
                            d.analyzer(), vectors == null ? p.integer("embedding_dim") : vectors.dimension(), p.integer("hidden"), p.integer("layers"), p.flag("bidirectional"),
                            LstmTextClassifier.Pooling.valueOf(p.word("pooling").toUpperCase(Locale.ROOT)), p.number("dropout"),
                            p.integer("epochs"), p.integer("batch_size"), p.number("learning_rate"), p.integer("max_length"),
                            p.integer("vocabulary_size"), p.integer("min_count"), p.number("validation"), p.integer("patience"),
                            p.integer("seed")));
                    return vectors == null ? lstm : lstm.withPretrained(PretrainedEmbeddings.of(vectors.dimension(),
                            word -> vectors.contains(word) ? vectors.vector(word) : null));
                }, ModelSpec.Input.TEXT);
    }

    static ModelSpec miniLmLogisticRegression() {
        return new ModelSpec(MiniLmLogisticRegression.NAME, "all-MiniLM-L6-v2 sentence embeddings of a text column into logistic regression",
                Set.of(Task.CLASSIFICATION), false, List.of(
                ParamSpec.number("C", 1.0, "inverse penalty strength of the logistic regression"),
                ParamSpec.integer("max_iter", 100, "most L-BFGS iterations"),
                ParamSpec.integer("max_length", 256, "most tokens read of a text ([CLS] and [SEP] included; at most 512)"),
                ParamSpec.integer("batch_size", 16, "most texts per call of the encoder"),
                TEXT_COL),
                (task, p) -> {
                    return new MiniLmLogisticRegression(new MiniLmLogisticRegression.Params(textColumn(p),
                            SentenceEncoder.Settings.defaults().withMaxLength(p.integer("max_length")).withBatchSize(p.integer("batch_size")),
                            LogisticRegression.Params.defaults().withC(p.number("C")).withMaxIter(p.integer("max_iter"))));
                }, ModelSpec.Input.TEXT);
    }

    private static TfidfLogisticRegression.Params params(ParamValues p, TfidfVectorizer.Params tfidf) {
        int n = p.integer("ngram_max");
        TextAnalyzer analyzer = p.word("analyzer").equals("char_wb") ? TextAnalyzer.charsWithinWords(2, Math.max(2, n))
                : TextAnalyzer.words().withNgrams(1, n)
                .withStopWords(TextAnalyzer.StopWordList.valueOf(p.word("stop_words").toUpperCase(Locale.ROOT)))
                .withStemmer(TextAnalyzer.StemmerChoice.valueOf(p.word("stemmer").toUpperCase(Locale.ROOT)));
        TfidfVectorizer.Params v = tfidf.withCounting(tfidf.counting().withAnalyzer(analyzer).withMinDf(p.integer("min_df"))
                .withMaxDf(p.number("max_df")).withMaxFeatures(p.integerOrNone("max_features"))).withSublinearTf(p.flag("sublinear_tf"));
        LogisticRegression.Params lr = LogisticRegression.Params.defaults().withC(p.number("C")).withMaxIter(p.integer("max_iter"));
        return new TfidfLogisticRegression.Params(textColumn(p), v, lr);
    }

    /** The text_col parameter: a column name, or null ("none", the default) for the frame's only text column. */
    private static String textColumn(ParamValues p) {
        String column = p.word("text_col");
        return column.equals("none") ? null : column;
    }
}
