package dev.kiln.text.vectors;

import java.util.List;

/**
 * What training word vectors did and how fast.
 *
 * @param algorithm      "word2vec skip-gram", "word2vec CBOW" or "GloVe"
 * @param vocabularySize words that got a vector
 * @param corpusTokens   tokens in the corpus, out-of-vocabulary ones included
 * @param trainedWords   word2vec: the words trained on over all epochs after dropping
 *                       out-of-vocabulary words and sub-sampling, gensim's "effective words";
 *                       GloVe: the in-vocabulary tokens whose windows were counted
 * @param seconds        word2vec: the training epochs; GloVe: counting co-occurrences and training
 * @param epochLosses    GloVe: the mean weighted squared error ½·f(X)·(wᵀw̃ + b + b̃ − log X)² over the
 *                       co-occurrence entries in each epoch, as the reference code prints it; word2vec: empty
 */
public record TrainingSummary(String algorithm, int vocabularySize, long corpusTokens, long trainedWords, double seconds,
                              List<Double> epochLosses) {
    public TrainingSummary {
        epochLosses = List.copyOf(epochLosses);
    }

    /** {@code trainedWords / seconds}: gensim's "effective words/s" for word2vec. */
    public double wordsPerSecond() {
        return seconds > 0 ? trainedWords / seconds : Double.NaN;
    }
}
