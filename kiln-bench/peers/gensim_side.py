"""gensim's side of `./kiln bench text-vectors`: word2vec on the corpus Kiln tokenised (one
sentence per line, words separated by spaces), with the same hyperparameters and two worker
threads. For each architecture it times `train()` alone (the vocabulary is built first, as Kiln
builds it before its clock starts), writes the vectors in the word2vec text format to OUT_DIR,
and prints one JSON object on stdout.

Usage: python3 gensim_side.py CORPUS OUT_DIR EPOCHS SEED ARCH [ARCH ...]   (ARCH: cbow or skip-gram)
"""
import json
import sys
import time

import gensim
from gensim.models import Word2Vec
from gensim.models.word2vec import LineSentence
from gensim.models.word2vec_inner import FAST_VERSION


def main():
    corpus, out_dir, epochs, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    # In memory, as Kiln holds its corpus: reading the file is not part of training on either side.
    sentences = list(LineSentence(corpus))
    for arch in sys.argv[5:]:
        model = Word2Vec(vector_size=100, window=5, min_count=5, sample=1e-3, negative=5, hs=0, alpha=0.025,
                         min_alpha=0.0001, sg=1 if arch == "skip-gram" else 0, workers=2, seed=seed)
        model.build_vocab(sentences)
        start = time.perf_counter()
        effective, raw = model.train(sentences, total_examples=model.corpus_count, epochs=epochs)
        seconds = time.perf_counter() - start
        path = f"{out_dir}/gensim-{arch}.txt"
        model.wv.save_word2vec_format(path, binary=False)
        print(json.dumps({"arch": arch, "vocabulary": len(model.wv), "raw_words": raw, "effective_words": effective,
                          "seconds": seconds, "vectors": path, "gensim": gensim.__version__,
                          "fast_version": FAST_VERSION, "workers": 2}), flush=True)


if __name__ == "__main__":
    main()
