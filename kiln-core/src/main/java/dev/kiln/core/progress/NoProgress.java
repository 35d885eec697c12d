package dev.kiln.core.progress;

/** Progress that reports nothing. */
enum NoProgress implements Progress {
    INSTANCE;

    @Override
    public void advance(long steps) {
    }

    @Override
    public void status(String status) {
    }

    @Override
    public void close() {
    }
}
