package dev.kiln.explain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ExplanationTest {

    private final Explanation oneHot = new Explanation("exact", Explanation.Output.VALUE, null, 1.0, 4.5,
            List.of("city=Oslo", "city=Bergen", "age", "age*income"), new double[]{0.5, 1.0, 1.5, 0.5});

    @Test
    void additivityGapIsBasePlusValuesMinusPrediction() {
        assertThat(oneHot.additivityGap()).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void groupingSumsOneHotColumnsAndSharesProducts() {
        Explanation grouped = oneHot.grouped(feature -> switch (feature) {
            case "city=Oslo", "city=Bergen" -> List.of("city");
            case "age*income" -> List.of("age", "income");
            default -> List.of(feature);
        });
        assertThat(grouped.byFeature()).containsExactly(
                Map.entry("city", 1.5), Map.entry("age", 1.75), Map.entry("income", 0.25));
        assertThat(grouped.additivityGap()).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void unknownFeatureIsNamed() {
        assertThatThrownBy(() -> oneHot.value("height")).hasMessageContaining("'height'");
    }

    @Test
    void valuesMustMatchFeatures() {
        assertThatThrownBy(() -> new Explanation("x", Explanation.Output.VALUE, null, 0, 0, List.of("a"), new double[2]))
                .hasMessageContaining("1 features but 2 values");
    }
}
