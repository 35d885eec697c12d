package dev.kiln.text.encode;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ONNX Runtime sessions of the process: one environment, and one session per model, thread
 * count, optimisation level and spinning, created on first use and shared by every encoder that asks for
 * the same (a session runs calls from many threads at once). Sessions live as long as the process.
 */
final class SharedSessions {
    private static final Logger LOG = LoggerFactory.getLogger(SharedSessions.class);
    private static final Map<Key, Loaded> SESSIONS = new ConcurrentHashMap<>();

    record Key(EncoderModel model, int threads, SentenceEncoder.Optimization optimization, boolean spinning) {
    }

    /** A session and the SHA-256 of the ONNX file it was made from. */
    record Loaded(OrtSession session, String sha256) {
    }

    private SharedSessions() {
    }

    static Loaded get(Key key) {
        return SESSIONS.computeIfAbsent(key, SharedSessions::load);
    }

    private static Loaded load(Key key) {
        long start = System.nanoTime();
        byte[] onnx;
        try (InputStream in = key.model().open(key.model().onnxResource())) {
            onnx = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(key.model().name() + ": cannot read " + key.model().onnxResource() + ": " + e.getMessage(), e);
        }
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(key.threads());
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(key.optimization().level());
            options.addConfigEntry("session.intra_op.allow_spinning", key.spinning() ? "1" : "0");
            OrtSession session = OrtEnvironment.getEnvironment().createSession(onnx, options);
            LOG.debug("loaded {} ({} MB) with {} intra-op threads, {} optimisation, spinning {}, in {} ms", key.model().name(),
                    onnx.length >> 20, key.threads(), key.optimization(), key.spinning(), (System.nanoTime() - start) / 1_000_000);
            return new Loaded(session, sha256(onnx));
        } catch (OrtException e) {
            throw new IllegalStateException(key.model().name() + ": ONNX Runtime cannot load " + key.model().onnxResource() + ": "
                    + e.getMessage(), e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
