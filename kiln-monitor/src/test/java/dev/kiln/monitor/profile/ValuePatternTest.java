package dev.kiln.monitor.profile;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ValuePatternTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "AB-1234|A+-9+",
        "2024-01-05|9+-9+-9+",
        "Oslo|Aa+",
        "a|a",
        "x1y2|a9a9",
        "a+b\\c|a\\+a\\\\a",
        "Tromsø 9000|Aa+ 9+",
        "''|''"})
    void writesTheShapeOfAValue(String value, String pattern) {
        assertThat(ValuePattern.of(value)).isEqualTo(pattern);
    }
}
