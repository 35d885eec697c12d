package dev.kiln.learn.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.random.Rng;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {

    @Test
    void parsesEveryDistributionForm() {
        SearchSpace s = SearchSpace.parse("C=log(0.01,100); gamma=loguniform(1e-4, 1);kernel=choice(rbf,poly); depth=int(2,12); "
                + "alpha=uniform(0,1); k=[1,3,5]; seed=7; fit=true");
        assertThat(s.parameters().keySet()).containsExactly("C", "gamma", "kernel", "depth", "alpha", "k", "seed", "fit");
        assertThat(s.parameters().get("C")).isEqualTo(new ParamDistribution.LogUniform(0.01, 100));
        assertThat(s.parameters().get("kernel")).isEqualTo(new ParamDistribution.Choice(List.of("rbf", "poly")));
        assertThat(s.parameters().get("depth")).isEqualTo(new ParamDistribution.IntUniform(2, 12));
        assertThat(s.parameters().get("k")).isEqualTo(new ParamDistribution.Choice(List.of(1, 3, 5)));
        assertThat(s.parameters().get("seed")).isEqualTo(new ParamDistribution.Choice(List.of(7)));
        assertThat(s.parameters().get("fit")).isEqualTo(new ParamDistribution.Choice(List.of(true)));
    }

    @Test
    void mistakesNameThePartAndTheExpectedForm() {
        assertThatThrownBy(() -> SearchSpace.parse("C"))
                .hasMessage("search space: 'C' should be name=distribution, e.g. C=log(0.01,100)");
        assertThatThrownBy(() -> SearchSpace.parse("C=log(0,1)")).hasMessage("search space: C=log(0,1): log(0.0, 1.0): need 0 < low < high");
        assertThatThrownBy(() -> SearchSpace.parse("C=normal(0,1)")).hasMessageContaining("unknown distribution 'normal'");
        assertThatThrownBy(() -> SearchSpace.parse("n=int(1.5,3)")).hasMessageContaining("expected an integer, got '1.5'");
        assertThatThrownBy(() -> SearchSpace.parse("a=1;a=2")).hasMessageContaining("'a' appears twice");
        assertThatThrownBy(() -> SearchSpace.parse(" ; ")).hasMessageContaining("at least one parameter");
    }

    @Test
    void gridsCombineEveryValueWithTheLastParameterFastest() {
        List<Map<String, Object>> grid = SearchSpace.parse("a=[1,2]; b=log(1,100)").grid(3);
        assertThat(grid).hasSize(6);
        assertThat(grid.get(0)).containsEntry("a", 1);
        assertThat((Double) grid.get(1).get("b")).isCloseTo(10.0, within(1e-9));
        assertThat(grid.get(3)).containsEntry("a", 2);
        assertThat(new ParamDistribution.IntUniform(1, 3).grid(10)).containsExactly(1, 2, 3);
    }

    @Test
    void unitPositionsRoundTripAndSamplesStayInRange() {
        Rng rng = Rng.seeded(3);
        List<ParamDistribution> all = List.of(new ParamDistribution.Uniform(-2, 5), new ParamDistribution.LogUniform(1e-3, 10),
                new ParamDistribution.IntUniform(3, 9), new ParamDistribution.Choice(List.of("a", "b", "c")));
        for (ParamDistribution d : all) {
            for (int i = 0; i < 200; i++) {
                Object v = d.sample(rng);
                double u = d.toUnit(v);
                assertThat(u).isBetween(0.0, 1.0);
                Object back = d.fromUnit(u);
                if (v instanceof Double x) {
                    assertThat((Double) back).isCloseTo(x, within(1e-9 * Math.max(1, Math.abs(x))));
                } else {
                    assertThat(back).isEqualTo(v);
                }
            }
        }
    }
}
