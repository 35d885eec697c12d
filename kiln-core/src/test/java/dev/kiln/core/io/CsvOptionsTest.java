package dev.kiln.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.frame.ColumnType;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvOptionsTest {

    @Test
    void defaultsAreCommasQuotesAHeaderAndUtf8() {
        CsvOptions o = CsvOptions.defaults();
        assertThat(o.delimiter()).isEqualTo(',');
        assertThat(o.quote()).isEqualTo('"');
        assertThat(o.header()).isTrue();
        assertThat(o.quotedMarkersAreMissing()).isTrue();
        assertThat(o.types()).isEmpty();
        assertThat(o.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(o.commentPrefix()).isNull();
    }

    @Test
    void theDefaultMarkersArePandasNaValues() {
        assertThat(CsvOptions.defaults().missingMarkers()).containsExactlyInAnyOrder("", "#N/A", "#N/A N/A", "#NA",
                "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN",
                "None", "n/a", "nan", "null");
    }

    @Test
    void theTsvPresetDiffersOnlyInTheDelimiter() {
        assertThat(CsvOptions.tsv()).isEqualTo(CsvOptions.defaults().toBuilder().delimiter('\t').build());
    }

    @Test
    void optionsDoNotChangeWithTheCollectionsTheyWereBuiltFrom() {
        Map<String, ColumnType> types = new HashMap<>(Map.of("a", ColumnType.TEXT));
        CsvOptions o = CsvOptions.builder().types(types).build();
        types.put("b", ColumnType.LONG);
        assertThat(o.types()).containsOnlyKeys("a");
        assertThatThrownBy(() -> o.types().put("c", ColumnType.LONG)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> o.missingMarkers().add("?")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void withTypesAddsToTheOverrides() {
        CsvOptions o = CsvOptions.builder().type("a", ColumnType.TEXT).build().withTypes(Map.of("b", ColumnType.LONG));
        assertThat(o.types()).containsEntry("a", ColumnType.TEXT).containsEntry("b", ColumnType.LONG);
    }

    @Test
    void theDelimiterAndQuoteMustDiffer() {
        assertThatThrownBy(() -> CsvOptions.builder().delimiter('"').build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the delimiter and the quote must differ, both are '\"'");
    }

    @Test
    void lineBreaksCannotDelimitOrQuote() {
        assertThatThrownBy(() -> CsvOptions.builder().delimiter('\n').build())
                .hasMessage("the delimiter and the quote cannot be line breaks, got delimiter '\\n' and quote '\"'");
    }

    @Test
    void aCommentPrefixMustBeNonEmpty() {
        assertThatThrownBy(() -> CsvOptions.builder().commentPrefix("").build())
                .hasMessage("a comment prefix must be non-empty and on one line, got ''");
    }

    @Test
    void overridesNeedANameAndAType() {
        assertThatThrownBy(() -> CsvOptions.builder().type(" ", ColumnType.TEXT).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CsvOptions.builder().type("a", null).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void markersCannotBeNull() {
        assertThatThrownBy(() -> CsvOptions.builder().missingMarkers(java.util.Arrays.asList("NA", null)).build())
                .hasMessage("missing markers cannot contain null");
        assertThat(CsvOptions.builder().missingMarkers(List.of()).build().missingMarkers()).isEmpty();
    }
}
