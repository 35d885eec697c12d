package dev.kiln.serve.monitor;

import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.io.CsvOptions;
import dev.kiln.core.io.CsvReader;
import dev.kiln.monitor.expect.ExpectationSuite;
import dev.kiln.monitor.expect.SuiteFile;
import dev.kiln.serve.registry.ModelVersion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a model version was registered with for monitoring, as TFDV keeps a schema and training
 * statistics beside a model: the expectations its input should meet ({@code expectations.yaml})
 * and a sample of its training input to compare live traffic with ({@code reference.csv}). Either
 * may be absent.
 *
 * @param expectations the suite, or null
 * @param reference    the training sample in the model's input schema, or null
 */
public record Baseline(ExpectationSuite expectations, Frame reference) {
    /** The attachment holding the expectations. */
    public static final String EXPECTATIONS = "expectations.yaml";
    /** The attachment holding the reference sample. */
    public static final String REFERENCE = "reference.csv";

    static final Baseline NONE = new Baseline(null, null);

    /** The baseline registered with {@code version}; files that do not parse are errors naming the file and place. */
    public static Baseline of(ModelVersion version) {
        ExpectationSuite suite = version.attachment(EXPECTATIONS).map(SuiteFile::read).orElse(null);
        Schema schema = version.manifest().inputSchema();
        Frame reference = schema == null ? null : version.attachment(REFERENCE)
                .map(file -> CsvReader.read(file, CsvOptions.defaults().withTypes(types(schema))).select(schema.names())).orElse(null);
        return new Baseline(suite, reference);
    }

    /** The baseline files registered with {@code version}, by attachment name. */
    public static List<String> files(ModelVersion version) {
        return Stream.of(EXPECTATIONS, REFERENCE).filter(f -> version.attachment(f).isPresent()).toList();
    }

    static Map<String, ColumnType> types(Schema schema) {
        Map<String, ColumnType> out = new LinkedHashMap<>();
        schema.fields().forEach(f -> out.put(f.name(), f.type()));
        return out;
    }
}
