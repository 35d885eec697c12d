package dev.kiln.monitor.profile;

/**
 * The shape of a string for pattern statistics, as in data-quality tools (TFDV, Deequ):
 * upper-case letters (Unicode category Lu) become {@code A}, other letters {@code a}, decimal
 * digits {@code 9}, other characters stay (a literal {@code +} or {@code \} is escaped with
 * {@code \}), and a run of one class is written once followed by {@code +}: "AB-1234" →
 * "A+-9+", "2024-01-05" → "9+-9+-9+", "Oslo" → "Aa+".
 */
public final class ValuePattern {
    private ValuePattern() {
    }

    public static String of(String value) {
        StringBuilder out = new StringBuilder();
        char previous = 0;
        boolean repeated = false;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            char symbol = symbol(cp);
            if (symbol != 0 && symbol == previous) {
                if (!repeated) {
                    out.append('+');
                    repeated = true;
                }
                continue;
            }
            if (symbol != 0) {
                out.append(symbol);
            } else {
                if (cp == '+' || cp == '\\') {
                    out.append('\\');
                }
                out.appendCodePoint(cp);
            }
            previous = symbol;
            repeated = false;
        }
        return out.toString();
    }

    /** 'A', 'a' or '9' for a character of those classes, 0 for any other. */
    private static char symbol(int cp) {
        int type = Character.getType(cp);
        if (type == Character.UPPERCASE_LETTER) {
            return 'A';
        }
        if (Character.isLetter(cp)) {
            return 'a';
        }
        return type == Character.DECIMAL_DIGIT_NUMBER ? '9' : 0;
    }
}
