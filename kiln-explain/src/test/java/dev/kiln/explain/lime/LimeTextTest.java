package dev.kiln.explain.lime;

import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.TextColumn;
import dev.kiln.core.model.Model;
import dev.kiln.explain.Explanation;
import dev.kiln.explain.kernel.RowFunctionModel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LimeTextTest {
    /** A "sentiment model" that says positive (with probability 0.9) exactly when the text contains "great". */
    private static final Model<?> KEYWORD = RowFunctionModel.classifier(Frame.of(TextColumn.of("review", "x")).schema(),
            List.of("negative", "positive"), (f, i) -> f.column("review").text(i).contains("great")
                    ? new double[] {0.1, 0.9} : new double[] {0.9, 0.1});

    @Test
    void findsThePlantedWord() {
        Frame rows = Frame.of(TextColumn.of("review", "The food was great, but the service was slow and the room cold."));
        LimeExplanation result = new LimeText(KEYWORD, LimeText.Params.defaults().withNumSamples(1000)).explainDetailed(rows).get(0);
        Explanation e = result.explanation();
        assertThat(result.selected().get(0)).isEqualTo("great");
        assertThat(e.value("great")).isCloseTo(0.8, within(0.05));
        for (String word : e.features()) {
            if (!word.equals("great")) {
                assertThat(Math.abs(e.value(word))).as(word).isLessThan(0.05);
            }
        }
        assertThat(e.features()).contains("The", "the", "food", "slow").doesNotHaveDuplicates();
        assertThat(e.outputClass()).isEqualTo("positive");
        assertThat(e.prediction()).isEqualTo(0.9);
        assertThat(result.fidelity()).isGreaterThan(0.95);
    }

    @Test
    void wordsAreRemovedWithAllTheirOccurrencesAndSeparatorsKept() {
        IndexedText text = new IndexedText("a cat, a dog; a cat!");
        assertThat(text.words()).containsExactly("a", "cat", "dog");
        assertThat(text.without(new boolean[] {false, true, false})).isEqualTo("a , a dog; a !");
        assertThat(text.without(new boolean[] {true, false, true})).isEqualTo(" cat,  ;  cat!");
    }

    @Test
    void otherInputColumnsKeepTheRowsValues() {
        Frame schema = Frame.of(TextColumn.of("review", "x"), DoubleColumn.of("stars", 1));
        Model<?> model = RowFunctionModel.regressor(schema.schema(), (f, i) ->
                f.column("stars").getDouble(i) * (f.column("review").text(i).contains("great") ? 1 : 0));
        Frame rows = Frame.of(TextColumn.of("review", "a great stay in a quiet room near the old station"), DoubleColumn.of("stars", 4));
        Explanation e = new LimeText(model, LimeText.Params.defaults().withNumSamples(300)).explain(rows).get(0);
        assertThat(e.prediction()).isEqualTo(4.0);
        assertThat(e.value("great")).isCloseTo(4.0, within(0.2));
    }

    @Test
    void needsExactlyOneTextColumn() {
        Model<?> numeric = RowFunctionModel.regressor(Frame.of(DoubleColumn.of("x", 1)).schema(), (f, i) -> 0);
        assertThatThrownBy(() -> new LimeText(numeric, LimeText.Params.defaults())).hasMessageContaining("exactly one text");
        Frame empty = Frame.of(TextColumn.of("review", "... !"));
        assertThatThrownBy(() -> new LimeText(KEYWORD, LimeText.Params.defaults()).explain(empty)).hasMessageContaining("no words");
    }
}
