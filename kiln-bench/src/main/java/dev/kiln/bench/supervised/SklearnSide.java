package dev.kiln.bench.supervised;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The scikit-learn process of the comparison ({@code kiln-bench/parity/sklearn_side.py} under
 * Debian's python3), kept running and asked one request at a time, with two threads for BLAS,
 * OpenMP and {@code n_jobs}.
 */
public final class SklearnSide implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Writer in;
    private final BufferedReader out;
    private final JsonNode versions;

    public SklearnSide(String python) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(python, Path.of("kiln-bench/parity/sklearn_side.py").toString());
        for (String v : new String[] {"OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"}) {
            pb.environment().put(v, "2");
        }
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        process = pb.start();
        in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        versions = read();
    }

    public String version() {
        return "scikit-learn " + versions.path("sklearn_version").asText() + ", numpy " + versions.path("numpy_version").asText();
    }

    public JsonNode ask(ObjectNode request) throws IOException {
        in.write(JSON.writeValueAsString(request) + "\n");
        in.flush();
        JsonNode answer = read();
        if (answer.has("error")) {
            throw new IOException("scikit-learn side failed: " + answer.path("error").asText() + " for " + request);
        }
        return answer;
    }

    public static ObjectNode request() {
        return JSON.createObjectNode();
    }

    private JsonNode read() throws IOException {
        String line = out.readLine();
        if (line == null) {
            throw new IOException("the scikit-learn process ended; is python3-sklearn installed?");
        }
        return JSON.readTree(line);
    }

    @Override
    public void close() throws IOException {
        in.close();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
