package dev.kiln.core.io;

/**
 * Parses numbers and booleans straight from a slice of a char array, without making a String.
 * Surrounding spaces and tabs are ignored. A parse method returns whether the text fits and leaves
 * the value in {@link #longValue} or {@link #doubleValue}. Not thread-safe: one per reader.
 */
final class ValueParser {
    private static final double[] POWERS_OF_TEN = new double[23];
    private static final long MAX_EXACT = 1L << 53;

    static {
        double p = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = p;
            p *= 10;
        }
    }

    long longValue;
    double doubleValue;
    boolean booleanValue;

    /** An optionally signed decimal integer within the range of a long. */
    boolean parseLong(char[] b, int off, int len) {
        int i = skipSpaces(b, off, off + len);
        int end = trimEnd(b, i, off + len);
        if (i == end) {
            return false;
        }
        boolean negative = false;
        char c = b[i];
        if (c == '-' || c == '+') {
            negative = c == '-';
            if (++i == end) {
                return false;
            }
        }
        long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
        long multMin = limit / 10;
        long result = 0;
        for (; i < end; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9 || result < multMin) {
                return false;
            }
            result *= 10;
            if (result < limit + d) {
                return false;
            }
            result -= d;
        }
        longValue = negative ? result : -result;
        return true;
    }

    /**
     * A decimal number with optional sign, fraction and exponent ({@code 1}, {@code -2.5},
     * {@code .5}, {@code 3.}, {@code 1e-7}), or {@code inf}, {@code infinity} or {@code nan} in
     * any case and with an optional sign. Results are correctly rounded.
     */
    boolean parseDouble(char[] b, int off, int len) {
        int start = skipSpaces(b, off, off + len);
        int end = trimEnd(b, start, off + len);
        int i = start;
        if (i == end) {
            return false;
        }
        boolean negative = false;
        if (b[i] == '-' || b[i] == '+') {
            negative = b[i] == '-';
            i++;
        }
        if (i < end && !isDigit(b[i]) && b[i] != '.') {
            return parseSpecial(b, i, end, negative);
        }
        long mantissa = 0;
        int digits = 0;
        int exponent = 0;
        boolean exact = true;
        boolean any = false;
        for (; i < end && isDigit(b[i]); i++) {
            any = true;
            if (digits < 18) {
                mantissa = mantissa * 10 + (b[i] - '0');
                if (mantissa != 0) {
                    digits++;
                }
            } else {
                exponent++;
                exact &= b[i] == '0';
            }
        }
        if (i < end && b[i] == '.') {
            i++;
            for (; i < end && isDigit(b[i]); i++) {
                any = true;
                if (digits < 18) {
                    mantissa = mantissa * 10 + (b[i] - '0');
                    exponent--;
                    if (mantissa != 0) {
                        digits++;
                    }
                } else {
                    exact &= b[i] == '0';
                }
            }
        }
        if (!any) {
            return false;
        }
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < end && (b[i] == '-' || b[i] == '+')) {
                negativeExponent = b[i] == '-';
                i++;
            }
            if (i == end) {
                return false;
            }
            int e = 0;
            for (; i < end && isDigit(b[i]); i++) {
                if (e < 100_000) {
                    e = e * 10 + (b[i] - '0');
                }
            }
            exponent += negativeExponent ? -e : e;
        }
        if (i != end) {
            return false;
        }
        if (mantissa == 0) {
            doubleValue = negative ? -0.0 : 0.0;
        } else if (exact && mantissa <= MAX_EXACT && exponent >= -22 && exponent <= 22) {
            double m = mantissa;
            double v = exponent >= 0 ? m * POWERS_OF_TEN[exponent] : m / POWERS_OF_TEN[-exponent];
            doubleValue = negative ? -v : v;
        } else {
            doubleValue = Double.parseDouble(new String(b, start, end - start));
        }
        return true;
    }

    /** {@code true} or {@code false} in any case. */
    boolean parseBoolean(char[] b, int off, int len) {
        int i = skipSpaces(b, off, off + len);
        int end = trimEnd(b, i, off + len);
        if (matches(b, i, end, "true")) {
            booleanValue = true;
            return true;
        }
        if (matches(b, i, end, "false")) {
            booleanValue = false;
            return true;
        }
        return false;
    }

    private boolean parseSpecial(char[] b, int i, int end, boolean negative) {
        if (matches(b, i, end, "inf") || matches(b, i, end, "infinity")) {
            doubleValue = negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            return true;
        }
        if (matches(b, i, end, "nan")) {
            doubleValue = Double.NaN;
            return true;
        }
        return false;
    }

    private static boolean matches(char[] b, int from, int to, String lowerCaseWord) {
        if (to - from != lowerCaseWord.length()) {
            return false;
        }
        for (int k = 0; k < lowerCaseWord.length(); k++) {
            if (Character.toLowerCase(b[from + k]) != lowerCaseWord.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int skipSpaces(char[] b, int from, int to) {
        while (from < to && (b[from] == ' ' || b[from] == '\t')) {
            from++;
        }
        return from;
    }

    private static int trimEnd(char[] b, int from, int to) {
        while (to > from && (b[to - 1] == ' ' || b[to - 1] == '\t')) {
            to--;
        }
        return to;
    }
}
