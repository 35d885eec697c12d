package dev.kiln.text.vectorize;

import dev.kiln.core.parallel.Parallelism;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One document's distinct terms and how often each occurs; documents are analysed in parallel parts. */
record DocumentTerms(String[] terms, int[] counts) {

    /** Analyses every document, each part of the list on its own thread with its own {@link TextAnalyzer.Terms}. */
    static DocumentTerms[] of(List<String> documents, TextAnalyzer analyzer) {
        int n = documents.size();
        DocumentTerms[] out = new DocumentTerms[n];
        Parallelism.forEachRange(n, 64, (from, to) -> {
            TextAnalyzer.Terms terms = analyzer.terms();
            Map<String, int[]> counts = new HashMap<>();
            for (int i = from; i < to; i++) {
                String document = documents.get(i);
                if (document == null) {
                    throw new IllegalArgumentException("document " + i + " is missing (null); every document must be text");
                }
                counts.clear();
                for (String term : terms.of(document)) {
                    counts.computeIfAbsent(term, t -> new int[1])[0]++;
                }
                String[] distinct = new String[counts.size()];
                int[] c = new int[distinct.length];
                int k = 0;
                for (Map.Entry<String, int[]> e : counts.entrySet()) {
                    distinct[k] = e.getKey();
                    c[k++] = e.getValue()[0];
                }
                out[i] = new DocumentTerms(distinct, c);
            }
        });
        return out;
    }
}
