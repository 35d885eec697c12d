package dev.kiln.bench.text;

import dev.kiln.text.vectors.WordVectors;
import java.util.ArrayList;
import java.util.List;

/**
 * A small quality probe for word vectors trained on Jane Austen and the State of the Union
 * addresses: gender analogies "a is to b as c is to d" over every ordered couple of the pairs
 * below (he : she :: his : her, brother : sister :: mr : mrs, …), answered by 3CosAdd with the
 * three inputs left out, as gensim's {@code evaluate_word_analogies} answers its questions.
 * The pairs are those of the "family" section of Mikolov et al.'s (2013) analogy test set that
 * these corpora use, plus the forms of address and plurals frequent in Austen; a question counts
 * only when all four of its words have vectors, so both sides answer the same questions when
 * their vocabularies agree.
 */
final class AnalogyProbe {
    static final List<String[]> PAIRS = List.of(
            new String[] {"he", "she"}, new String[] {"his", "her"}, new String[] {"man", "woman"}, new String[] {"men", "women"},
            new String[] {"boy", "girl"}, new String[] {"brother", "sister"}, new String[] {"brothers", "sisters"},
            new String[] {"father", "mother"}, new String[] {"son", "daughter"}, new String[] {"sons", "daughters"},
            new String[] {"husband", "wife"}, new String[] {"uncle", "aunt"}, new String[] {"nephew", "niece"},
            new String[] {"king", "queen"}, new String[] {"prince", "princess"}, new String[] {"grandfather", "grandmother"},
            new String[] {"mr", "mrs"}, new String[] {"sir", "madam"}, new String[] {"gentleman", "lady"},
            new String[] {"gentlemen", "ladies"});

    private AnalogyProbe() {
    }

    /** Correct answers and questions asked. */
    record Score(int correct, int questions) {
        double accuracy() {
            return questions == 0 ? Double.NaN : (double) correct / questions;
        }
    }

    static Score score(WordVectors v) {
        List<String[]> known = new ArrayList<>();
        for (String[] p : PAIRS) {
            if (v.contains(p[0]) && v.contains(p[1])) {
                known.add(p);
            }
        }
        int correct = 0;
        int questions = 0;
        for (String[] first : known) {
            for (String[] second : known) {
                if (first != second) {
                    questions++;
                    String answer = v.analogy(first[0], first[1], second[0], 1).get(0).word();
                    if (answer.equals(second[1])) {
                        correct++;
                    }
                }
            }
        }
        return new Score(correct, questions);
    }
}
