package dev.kiln.core.io;

import dev.kiln.core.frame.ColumnType;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How a delimited text file is laid out and typed. Immutable; build one with {@link #builder()},
 * start from {@link #defaults()} (comma-separated, header line, pandas' missing markers, UTF-8) or
 * {@link #tsv()}.
 *
 * @param delimiter               the character between fields
 * @param quote                   the character around fields that hold delimiters, quotes or newlines
 * @param header                  whether the first line names the columns; without one they are
 *                                named {@code column_1 .. column_n}
 * @param missingMarkers          field texts that mean "missing", compared exactly (no trimming)
 * @param quotedMarkersAreMissing whether a quoted field can be a missing marker; when false, a
 *                                quoted field is always a value ({@code ""} is the empty string)
 * @param types                   column types to use instead of inferring them, by column name
 * @param charset                 the file's encoding; input that is not valid in it is an error
 * @param commentPrefix           lines starting with this text are skipped; null for none
 */
public record CsvOptions(char delimiter, char quote, boolean header, Set<String> missingMarkers,
                         boolean quotedMarkersAreMissing, Map<String, ColumnType> types, Charset charset,
                         String commentPrefix) {

    /** The strings pandas' {@code read_csv} treats as missing by default. */
    public static final Set<String> PANDAS_MISSING_MARKERS = Collections.unmodifiableSet(new LinkedHashSet<>(java.util.List.of(
            "", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN", "<NA>",
            "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null")));

    private static final CsvOptions DEFAULTS = builder().build();
    private static final CsvOptions TSV = builder().delimiter('\t').build();

    public CsvOptions {
        if (delimiter == quote) {
            throw new IllegalArgumentException("the delimiter and the quote must differ, both are " + show(quote));
        }
        if (isNewline(delimiter) || isNewline(quote)) {
            throw new IllegalArgumentException("the delimiter and the quote cannot be line breaks, got delimiter "
                    + show(delimiter) + " and quote " + show(quote));
        }
        Objects.requireNonNull(missingMarkers, "missingMarkers");
        for (String m : missingMarkers) {
            if (m == null) {
                throw new IllegalArgumentException("missing markers cannot contain null");
            }
        }
        missingMarkers = Collections.unmodifiableSet(new LinkedHashSet<>(missingMarkers));
        Objects.requireNonNull(types, "types");
        for (Map.Entry<String, ColumnType> e : types.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank() || e.getValue() == null) {
                throw new IllegalArgumentException("a type override needs a column name and a type, got "
                        + e.getKey() + " -> " + e.getValue());
            }
        }
        types = Collections.unmodifiableMap(new LinkedHashMap<>(types));
        Objects.requireNonNull(charset, "charset");
        if (commentPrefix != null && (commentPrefix.isEmpty() || commentPrefix.chars().anyMatch(c -> isNewline((char) c)))) {
            throw new IllegalArgumentException("a comment prefix must be non-empty and on one line, got '" + commentPrefix + "'");
        }
    }

    /** Comma-separated, a header line, pandas' missing markers, inferred types, UTF-8, no comments. */
    public static CsvOptions defaults() {
        return DEFAULTS;
    }

    /** As {@link #defaults()}, but tab-separated. */
    public static CsvOptions tsv() {
        return TSV;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.delimiter = delimiter;
        b.quote = quote;
        b.header = header;
        b.missingMarkers = new LinkedHashSet<>(missingMarkers);
        b.quotedMarkersAreMissing = quotedMarkersAreMissing;
        b.types = new LinkedHashMap<>(types);
        b.charset = charset;
        b.commentPrefix = commentPrefix;
        return b;
    }

    /** These options with {@code types} added to the type overrides. */
    public CsvOptions withTypes(Map<String, ColumnType> types) {
        return toBuilder().types(types).build();
    }

    private static boolean isNewline(char c) {
        return c == '\n' || c == '\r';
    }

    private static String show(char c) {
        return c == '\t' ? "'\\t'" : c == '\n' ? "'\\n'" : c == '\r' ? "'\\r'" : "'" + c + "'";
    }

    /** Collects options; {@link #build()} validates them. */
    public static final class Builder {
        private char delimiter = ',';
        private char quote = '"';
        private boolean header = true;
        private Set<String> missingMarkers = new LinkedHashSet<>(PANDAS_MISSING_MARKERS);
        private boolean quotedMarkersAreMissing = true;
        private Map<String, ColumnType> types = new LinkedHashMap<>();
        private Charset charset = StandardCharsets.UTF_8;
        private String commentPrefix;

        private Builder() {
        }

        public Builder delimiter(char delimiter) {
            this.delimiter = delimiter;
            return this;
        }

        public Builder quote(char quote) {
            this.quote = quote;
            return this;
        }

        public Builder header(boolean header) {
            this.header = header;
            return this;
        }

        /** Replaces the missing markers. */
        public Builder missingMarkers(Collection<String> markers) {
            this.missingMarkers = new LinkedHashSet<>(markers);
            return this;
        }

        public Builder quotedMarkersAreMissing(boolean quotedMarkersAreMissing) {
            this.quotedMarkersAreMissing = quotedMarkersAreMissing;
            return this;
        }

        /** Forces the type of one column. */
        public Builder type(String column, ColumnType type) {
            this.types.put(column, type);
            return this;
        }

        /** Forces the types of the given columns (adding to those already set). */
        public Builder types(Map<String, ColumnType> types) {
            this.types.putAll(types);
            return this;
        }

        public Builder charset(Charset charset) {
            this.charset = charset;
            return this;
        }

        /** Skips lines starting with {@code prefix}; null turns comments off. */
        public Builder commentPrefix(String prefix) {
            this.commentPrefix = prefix;
            return this;
        }

        public CsvOptions build() {
            return new CsvOptions(delimiter, quote, header, missingMarkers, quotedMarkersAreMissing, types, charset,
                    commentPrefix);
        }
    }
}
