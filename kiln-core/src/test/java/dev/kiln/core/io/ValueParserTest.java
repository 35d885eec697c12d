package dev.kiln.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueParserTest {
    private final ValueParser parser = new ValueParser();

    private boolean parseDouble(String s) {
        return parser.parseDouble(s.toCharArray(), 0, s.length());
    }

    private boolean parseLong(String s) {
        return parser.parseLong(s.toCharArray(), 0, s.length());
    }

    private void assertSameDouble(String s) {
        assertThat(parseDouble(s)).as(s).isTrue();
        assertThat(Double.doubleToLongBits(parser.doubleValue)).as(s)
                .isEqualTo(Double.doubleToLongBits(Double.parseDouble(s)));
    }

    @Test
    void shortestFormsOfRandomDoublesParseBackExactly() {
        Random random = new Random(1);
        for (int i = 0; i < 20_000; i++) {
            double v = switch (i % 3) {
                case 0 -> random.nextGaussian() * 1000;
                case 1 -> Double.longBitsToDouble(random.nextLong());
                default -> Math.round(random.nextDouble() * 1e6) / 1e3;
            };
            if (!Double.isNaN(v) && !Double.isInfinite(v)) {
                assertSameDouble(Double.toString(v));
                assertSameDouble(String.format(java.util.Locale.ROOT, "%.6f", v));
            }
        }
    }

    @Test
    void randomDigitStringsRoundLikeTheJdk() {
        Random random = new Random(2);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder(random.nextBoolean() ? "-" : "");
            int digits = 1 + random.nextInt(25);
            for (int d = 0; d < digits; d++) {
                sb.append((char) ('0' + random.nextInt(10)));
            }
            if (random.nextBoolean()) {
                sb.insert(sb.length() - random.nextInt(digits), '.');
            }
            if (random.nextInt(3) == 0) {
                sb.append('e').append(random.nextInt(700) - 350);
            }
            assertSameDouble(sb.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.1", "1e22", "1e23", "9007199254740993", "4.9e-324", "2.2250738585072014E-308",
        "1.7976931348623157e308", "1e400", "-1e-400", "0.000000000000000000000000000001", "123456789012345678901234567890"})
    void hardCasesRoundLikeTheJdk(String s) {
        assertSameDouble(s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "-", "+", ".", "-.", "1e", "1e+", "e5", "1.2.3", "0x10", "1_000", "1e5x", "1,5",
        "--1", "in", "infinit", "nana", "1 2"})
    void malformedNumbersAreRejected(String s) {
        assertThat(parseDouble(s)).as(s).isFalse();
    }

    @Test
    void longsParseAtTheEdgesOfTheirRange() {
        assertThat(parseLong("9223372036854775807")).isTrue();
        assertThat(parser.longValue).isEqualTo(Long.MAX_VALUE);
        assertThat(parseLong("-9223372036854775808")).isTrue();
        assertThat(parser.longValue).isEqualTo(Long.MIN_VALUE);
        assertThat(parseLong("9223372036854775808")).isFalse();
        assertThat(parseLong("-9223372036854775809")).isFalse();
        assertThat(parseLong("99999999999999999999")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "+", "1.0", "1e3", "1 2", "0x1", "١"})
    void nonIntegersAreNotLongs(String s) {
        assertThat(parseLong(s)).as(s).isFalse();
    }

    @Test
    void booleansIgnoreCaseAndSurroundingSpaces() {
        assertThat(parser.parseBoolean(" TRUE\t".toCharArray(), 0, 6)).isTrue();
        assertThat(parser.booleanValue).isTrue();
        assertThat(parser.parseBoolean("False".toCharArray(), 0, 5)).isTrue();
        assertThat(parser.booleanValue).isFalse();
        assertThat(parser.parseBoolean("yes".toCharArray(), 0, 3)).isFalse();
        assertThat(parser.parseBoolean("t".toCharArray(), 0, 1)).isFalse();
    }

    @Test
    void onlyTheGivenSliceIsRead() {
        char[] text = "x12.5y".toCharArray();
        assertThat(parser.parseDouble(text, 1, 4)).isTrue();
        assertThat(parser.doubleValue).isEqualTo(12.5);
        assertThat(parser.parseLong(text, 1, 2)).isTrue();
        assertThat(parser.longValue).isEqualTo(12);
    }
}
