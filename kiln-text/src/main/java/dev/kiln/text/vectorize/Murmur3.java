package dev.kiln.text.vectorize;

import java.nio.charset.StandardCharsets;

/** MurmurHash3_x86_32 (Appleby, SMHasher) of a string's UTF-8 bytes: the hash scikit-learn's feature hashing uses. */
final class Murmur3 {
    private static final int C1 = 0xcc9e2d51;
    private static final int C2 = 0x1b873593;

    private Murmur3() {
    }

    static int hash32(String text, int seed) {
        byte[] key = text.getBytes(StandardCharsets.UTF_8);
        int h = seed;
        int blocks = key.length / 4;
        for (int b = 0; b < blocks; b++) {
            int i = 4 * b;
            int k = (key[i] & 0xff) | (key[i + 1] & 0xff) << 8 | (key[i + 2] & 0xff) << 16 | (key[i + 3] & 0xff) << 24;
            h ^= mixK(k);
            h = Integer.rotateLeft(h, 13) * 5 + 0xe6546b64;
        }
        int tail = 4 * blocks;
        int k = 0;
        switch (key.length & 3) {
            case 3:
                k ^= (key[tail + 2] & 0xff) << 16;
            case 2:
                k ^= (key[tail + 1] & 0xff) << 8;
            case 1:
                k ^= key[tail] & 0xff;
                h ^= mixK(k);
            default:
                break;
        }
        h ^= key.length;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    private static int mixK(int k) {
        return Integer.rotateLeft(k * C1, 15) * C2;
    }
}
