package dev.kiln.search.eval;

import dev.kiln.core.progress.Progress;
import dev.kiln.search.index.MetadataFilter;
import dev.kiln.search.index.PassageHit;
import dev.kiln.search.retrieve.Retriever;
import dev.kiln.search.retrieve.SearchMode;
import java.util.ArrayList;
import java.util.List;

/** Runs every question of a {@link QaSet} through a {@link Retriever} and scores the top 10. */
public final class RetrievalEvaluation {
    private RetrievalEvaluation() {
    }

    /** The metrics of {@code mode} on {@code qa}, with a progress report. */
    public static RetrievalMetrics evaluate(Retriever retriever, QaSet qa, SearchMode mode) {
        List<List<String>> rankings = new ArrayList<>(qa.size());
        try (Progress progress = Progress.start("evaluating " + mode.id(), qa.size())) {
            for (String question : qa.questions()) {
                List<String> ids = new ArrayList<>(10);
                for (PassageHit hit : retriever.search(question, 10, mode, MetadataFilter.none())) {
                    ids.add(hit.id());
                }
                rankings.add(ids);
                progress.step();
            }
        }
        return RetrievalMetrics.of(rankings, qa.gold());
    }
}
