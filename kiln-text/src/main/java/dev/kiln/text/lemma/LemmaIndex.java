package dev.kiln.text.lemma;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lemmas of WordNet's four index files in one compact, immutable hash set: every distinct
 * ASCII lemma stored once, back to back in a byte array, with a bit per part of speech, found by
 * linear probing: 3.5 MB for WordNet 3.1's 147,478 distinct lemmas, where four hash sets of
 * strings take 14.8 MB.
 */
final class LemmaIndex {
    private static final int MAX_LOAD_PERCENT = 60;

    private final byte[] chars;
    private final int[] starts;
    private final byte[] partsOfSpeech;
    private final int[] slots;
    private final int size;

    private LemmaIndex(Builder builder) {
        this.size = builder.size;
        this.chars = Arrays.copyOf(builder.chars, builder.charCount);
        this.starts = Arrays.copyOf(builder.starts, size + 1);
        this.partsOfSpeech = Arrays.copyOf(builder.partsOfSpeech, size);
        this.slots = builder.slots;
    }

    static Builder builder() {
        return new Builder();
    }

    /** Whether {@code word} is a lemma of {@code pos}; words with non-ASCII characters never are. */
    boolean contains(CharSequence word, Pos pos) {
        int hash = hash(word);
        if (hash == NOT_ASCII) {
            return false;
        }
        int mask = slots.length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            int entry = slots[slot] - 1;
            if (entry < 0) {
                return false;
            }
            if (equals(entry, word)) {
                return (partsOfSpeech[entry] & bit(pos)) != 0;
            }
        }
    }

    /** Distinct lemmas over all parts of speech. */
    int size() {
        return size;
    }

    /** Bytes held by the arrays, for reporting the footprint. */
    long footprintBytes() {
        return chars.length + 4L * starts.length + partsOfSpeech.length + 4L * slots.length;
    }

    private boolean equals(int entry, CharSequence word) {
        int start = starts[entry];
        int length = starts[entry + 1] - start;
        if (length != word.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (chars[start + i] != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int bit(Pos pos) {
        return 1 << pos.ordinal();
    }

    private static final int NOT_ASCII = -1;

    /** FNV-1a over the characters, finished with MurmurHash3's mixer; never negative for ASCII input. */
    private static int hash(CharSequence word) {
        int h = 0x811c9dc5;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c > 0x7f) {
                return NOT_ASCII;
            }
            h = (h ^ c) * 0x01000193;
        }
        return mix(h);
    }

    private static int hash(byte[] bytes, int from, int to) {
        int h = 0x811c9dc5;
        for (int i = from; i < to; i++) {
            h = (h ^ bytes[i]) * 0x01000193;
        }
        return mix(h);
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h & Integer.MAX_VALUE;
    }

    /** Collects lemmas; adding one that is already there only adds its part of speech. */
    static final class Builder {
        private byte[] chars = new byte[1 << 16];
        private int charCount;
        private int[] starts = new int[1 << 12];
        private byte[] partsOfSpeech = new byte[1 << 12];
        private int[] slots = new int[1 << 13];
        private int size;

        private Builder() {
        }

        /**
         * Adds the lemma in {@code bytes[from, to)}, which must be printable ASCII without spaces.
         *
         * @throws IllegalArgumentException naming the offending byte otherwise
         */
        Builder add(byte[] bytes, int from, int to, Pos pos) {
            if (from >= to) {
                throw new IllegalArgumentException("a lemma must not be empty");
            }
            for (int i = from; i < to; i++) {
                if (bytes[i] <= ' ' || bytes[i] > '~') {
                    throw new IllegalArgumentException("a lemma must be printable ASCII without spaces, found byte 0x"
                            + Integer.toHexString(bytes[i] & 0xff) + " at position " + (i - from) + " of \""
                            + new String(bytes, from, to - from, StandardCharsets.ISO_8859_1) + "\"");
                }
            }
            int mask = slots.length - 1;
            int slot = hash(bytes, from, to) & mask;
            for (; slots[slot] != 0; slot = (slot + 1) & mask) {
                int entry = slots[slot] - 1;
                if (Arrays.equals(chars, starts[entry], starts[entry + 1], bytes, from, to)) {
                    partsOfSpeech[entry] |= (byte) bit(pos);
                    return this;
                }
            }
            append(bytes, from, to, pos);
            slots[slot] = size;
            if (100L * size > (long) MAX_LOAD_PERCENT * slots.length) {
                rehash(slots.length * 2);
            }
            return this;
        }

        /** Adds a lemma given as a string, under the same rules. */
        Builder add(String lemma, Pos pos) {
            byte[] bytes = new byte[lemma.length()];
            for (int i = 0; i < bytes.length; i++) {
                char c = lemma.charAt(i);
                if (c > '~') {
                    throw new IllegalArgumentException("a lemma must be printable ASCII without spaces, found '"
                            + c + "' at position " + i + " of \"" + lemma + "\"");
                }
                bytes[i] = (byte) c;
            }
            return add(bytes, 0, bytes.length, pos);
        }

        LemmaIndex build() {
            return new LemmaIndex(this);
        }

        private void append(byte[] bytes, int from, int to, Pos pos) {
            int length = to - from;
            if (charCount + length > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(chars.length * 2, charCount + length));
            }
            if (size + 2 > starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
                partsOfSpeech = Arrays.copyOf(partsOfSpeech, partsOfSpeech.length * 2);
            }
            System.arraycopy(bytes, from, chars, charCount, length);
            starts[size] = charCount;
            charCount += length;
            partsOfSpeech[size] = (byte) bit(pos);
            size++;
            starts[size] = charCount;
        }

        private void rehash(int capacity) {
            int[] grown = new int[capacity];
            int mask = capacity - 1;
            for (int entry = 0; entry < size; entry++) {
                int slot = hash(chars, starts[entry], starts[entry + 1]) & mask;
                while (grown[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                grown[slot] = entry + 1;
            }
            slots = grown;
        }
    }
}
