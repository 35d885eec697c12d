package dev.kiln.nn.train;

import dev.kiln.core.random.Rng;
import dev.kiln.nn.data.ImageDataset;

/** Small generated image sets with known answers, for training tests. */
final class SyntheticImages {
    private SyntheticImages() {
    }

    /** 8×8 noise images of 4 classes; class k brightens quadrant k, so the label is a simple function of the pixels. */
    static ImageDataset quadrants(int n, long seed) {
        Rng rng = Rng.seeded(seed);
        float[] pixels = new float[n * 64];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = rng.nextInt(4);
            int qy = labels[i] / 2 * 4;
            int qx = labels[i] % 2 * 4;
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    boolean lit = y >= qy && y < qy + 4 && x >= qx && x < qx + 4;
                    pixels[i * 64 + y * 8 + x] = 0.5f * rng.nextFloat() + (lit ? 0.4f : 0f);
                }
            }
        }
        return new ImageDataset(pixels, labels, 1, 8, 8, 4, "quadrants");
    }
}
