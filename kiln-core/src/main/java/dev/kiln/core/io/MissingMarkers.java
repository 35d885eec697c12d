package dev.kiln.core.io;

import java.util.Set;

/** Tells, without making a String, whether a field's text is one of a set of missing markers. */
final class MissingMarkers {
    private final char[][][] byLength;

    MissingMarkers(Set<String> markers) {
        int longest = markers.stream().mapToInt(String::length).max().orElse(-1);
        byLength = new char[longest + 1][][];
        for (int len = 0; len <= longest; len++) {
            int n = len;
            byLength[len] = markers.stream().filter(m -> m.length() == n).map(String::toCharArray).toArray(char[][]::new);
        }
    }

    boolean matches(char[] b, int off, int len) {
        if (len >= byLength.length) {
            return false;
        }
        for (char[] m : byLength[len]) {
            if (equal(m, b, off)) {
                return true;
            }
        }
        return false;
    }

    boolean matches(String s) {
        return matches(s.toCharArray(), 0, s.length());
    }

    private static boolean equal(char[] marker, char[] b, int off) {
        for (int i = 0; i < marker.length; i++) {
            if (marker[i] != b[off + i]) {
                return false;
            }
        }
        return true;
    }
}
