package dev.kiln.core.io;

import java.util.Arrays;
import java.util.List;

/**
 * The distinct strings seen so far, numbered in order of first appearance, looked up straight from
 * a slice of a char array: a String is made only for a value not seen before.
 */
final class DistinctStrings {
    private String[] values = new String[16];
    private int[] hashes = new int[16];
    private int[] slots = new int[32];
    private int size;

    int size() {
        return size;
    }

    /** The number of the value, adding it when new. */
    int add(char[] b, int off, int len) {
        int h = hash(b, off, len);
        int mask = slots.length - 1;
        for (int s = spread(h) & mask; ; s = (s + 1) & mask) {
            int id = slots[s] - 1;
            if (id < 0) {
                return insert(s, h, new String(b, off, len));
            }
            if (hashes[id] == h && equal(values[id], b, off, len)) {
                return id;
            }
        }
    }

    /** The number of the value, or -1 where it has not been seen. */
    int indexOf(char[] b, int off, int len) {
        int h = hash(b, off, len);
        int mask = slots.length - 1;
        for (int s = spread(h) & mask; ; s = (s + 1) & mask) {
            int id = slots[s] - 1;
            if (id < 0) {
                return -1;
            }
            if (hashes[id] == h && equal(values[id], b, off, len)) {
                return id;
            }
        }
    }

    /** The values in order of first appearance. */
    List<String> values() {
        return Arrays.asList(Arrays.copyOf(values, size));
    }

    private int insert(int slot, int h, String value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        values[size] = value;
        hashes[size] = h;
        slots[slot] = ++size;
        if (size * 2 > slots.length) {
            rehash();
        }
        return size - 1;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        int mask = slots.length - 1;
        for (int id = 0; id < size; id++) {
            int s = spread(hashes[id]) & mask;
            while (slots[s] != 0) {
                s = (s + 1) & mask;
            }
            slots[s] = id + 1;
        }
    }

    private static int hash(char[] b, int off, int len) {
        int h = 0;
        for (int i = off, end = off + len; i < end; i++) {
            h = 31 * h + b[i];
        }
        return h;
    }

    private static int spread(int h) {
        int x = h * 0x9E3779B9;
        return x ^ (x >>> 16);
    }

    private static boolean equal(String s, char[] b, int off, int len) {
        if (s.length() != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (s.charAt(i) != b[off + i]) {
                return false;
            }
        }
        return true;
    }
}
