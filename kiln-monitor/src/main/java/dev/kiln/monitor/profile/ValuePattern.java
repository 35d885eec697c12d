package dev.kiln.monitor.profile;

/**
 * The shape of a string for pattern statistics, as in data-quality tools (TFDV, Deequ): upper-
 * case letters become {@code A}, lower-case {@code a}, digits {@code 9}, other characters stay,
 * and a run of one class is written once followed by {@code +}: "AB-1234" → "A+-9+",
 * "2024-01-05" → "9+-9+-9+", "Oslo" → "Aa+".
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
            char symbol = Character.isUpperCase(cp) ? 'A'
                    : Character.isLetter(cp) ? 'a'
                    : Character.isDigit(cp) ? '9'
                    : cp < 0x10000 ? (char) cp : '?';
            boolean isClass = symbol == 'A' || symbol == 'a' || symbol == '9';
            if (isClass && symbol == previous) {
                if (!repeated) {
                    out.append('+');
                    repeated = true;
                }
                continue;
            }
            out.append(symbol);
            previous = isClass ? symbol : 0;
            repeated = false;
        }
        return out.toString();
    }
}
