package dev.kiln.core.modelfile;

import java.util.Map;

/**
 * Where a model came from: a fingerprint of the training data, how much of it there was and
 * where it was read from, and the seed that made training reproducible. Any part may be null
 * when unknown.
 *
 * @param dataFingerprint {@code sha256:…} of the training data (see {@code FrameFingerprint})
 * @param dataRows        training rows
 * @param dataSource      the file or description the data came from
 * @param seed            the random seed training used
 * @param extra           anything else worth recording, as strings
 */
public record Provenance(String dataFingerprint, Integer dataRows, String dataSource, Long seed,
                         Map<String, String> extra) {

    public Provenance {
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    /** Nothing known. */
    public static Provenance unknown() {
        return new Provenance(null, null, null, null, Map.of());
    }
}
