package dev.kiln.learn.preprocess.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.frame.CategoricalColumn;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.learn.preprocess.TestData;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolynomialFeaturesTest {
    private static final Frame X = Frame.of(CategoricalColumn.of("s", "u"), DoubleColumn.of("a", 2), DoubleColumn.of("b", 3),
            DoubleColumn.of("c", 5));

    // p = PolynomialFeatures(degree=2).fit([[2., 3., 5.]]); p.get_feature_names_out(['a','b','c']); p.transform([[2, 3, 5]])
    // -> ['1','a','b','c','a^2','a b','a c','b^2','b c','c^2'], [1, 2, 3, 5, 4, 6, 10, 9, 15, 25]
    @Test
    void degreeTwoMatchesScikitLearnOrderAndValues() {
        FittedPolynomialFeatures p = new PolynomialFeatures().fit(X, null);
        Frame out = p.transform(X);
        assertThat(out.names()).containsExactly("s", "1", "a", "b", "c", "a^2", "a*b", "a*c", "b^2", "b*c", "c^2");
        assertThat(TestData.rows(out.drop("s"))[0]).containsExactly(1, 2, 3, 5, 4, 6, 10, 9, 15, 25);
        assertThat(p.sources("a*c")).containsExactly("a", "c");
        assertThat(p.sources("b^2")).containsExactly("b");
        assertThat(p.sources("1")).isEmpty();
        assertThat(p.sources("s")).containsExactly("s");
    }

    // PolynomialFeatures(degree=3, interaction_only=True, include_bias=False) -> ['a','b','c','a b','a c','b c','a b c']
    @Test
    void interactionsOnlyLeaveOutPowers() {
        FittedPolynomialFeatures p = new PolynomialFeatures(new PolynomialFeatures.Params(3, true, false, List.of("a", "b", "c")))
                .fit(X, null);
        assertThat(p.outputNames()).containsExactly("a", "b", "c", "a*b", "a*c", "b*c", "a*b*c");
        assertThat(p.transform(X).column("a*b*c").toDoubles()).containsExactly(30);
    }

    @Test
    void cubesNameRepeatedFactorsByPower() {
        FittedPolynomialFeatures p = new PolynomialFeatures(new PolynomialFeatures.Params(3, false, false, List.of("a", "b"))).fit(X, null);
        assertThat(p.outputNames()).containsExactly("a", "b", "a^2", "a*b", "b^2", "a^3", "a^2*b", "a*b^2", "b^3");
        assertThat(p.transform(X).column("a^2*b").toDoubles()).containsExactly(12);
        assertThat(p.transform(X).names()).containsExactly("s", "a", "b", "a^2", "a*b", "b^2", "a^3", "a^2*b", "a*b^2", "b^3", "c");
    }
}
