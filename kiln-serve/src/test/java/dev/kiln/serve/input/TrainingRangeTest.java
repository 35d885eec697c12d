package dev.kiln.serve.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.modelfile.FeatureRange;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Numbers outside the range their column held in training are noted with their pointers, never made violations. */
class TrainingRangeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Schema SCHEMA = new Schema(List.of(Schema.Field.of("age", ColumnType.LONG), Schema.Field.of("income/yr", ColumnType.DOUBLE),
            new Schema.Field("job", ColumnType.CATEGORICAL, List.of("admin", "clerk"))));
    private static final Map<String, FeatureRange> RANGES = Map.of("age", new FeatureRange(18, 90), "income/yr", new FeatureRange(0, 250_000.5));

    @Test
    void recordsRowsAndColumnsNameTheValuesOutside() throws Exception {
        InstanceReader reader = new InstanceReader(SCHEMA, RANGES);
        Instances records = reader.read(JSON.readTree("""
                [{"age": 41, "income/yr": 52000, "job": "admin"}, {"age": 7, "income/yr": 1e6, "job": "clerk"}, {"age": 90, "income/yr": null, "job": "clerk"}]
                """), "/instances");
        assertThat(records.frame().rowCount()).isEqualTo(3);
        assertThat(records.outsideRange()).containsExactly(
                new Violation("/instances/1/age", "7 is outside the range of column 'age' in training, [18, 90]"),
                new Violation("/instances/1/income~1yr", "1000000 is outside the range of column 'income/yr' in training, [0, 250000.5]"));
        assertThat(records.outsideByColumn()).containsOnly(Map.entry("age", 1), Map.entry("income/yr", 1));

        Instances rows = reader.read(JSON.readTree("[[17, -0.5, \"admin\"]]"), "/instances");
        assertThat(rows.outsideRange()).extracting(Violation::pointer).containsExactly("/instances/0/0", "/instances/0/1");

        Instances columns = reader.readColumns(Map.of("age", JSON.readTree("[20, 91]"), "income/yr", JSON.readTree("[1, 2]"),
                "job", JSON.readTree("[\"admin\", \"clerk\"]")), Map.of("age", "/inputs/0/data", "income/yr", "/inputs/1/data",
                "job", "/inputs/2/data"), "/inputs");
        assertThat(columns.outsideRange()).extracting(Violation::pointer).containsExactly("/inputs/0/data/1");
    }

    @Test
    void everyValueIsCountedThoughOnlyTheFirstHundredAreListed() throws Exception {
        Random random = new Random(11);
        StringBuilder body = new StringBuilder("[");
        int outside = 0;
        for (int i = 0; i < 500; i++) {
            int age = random.nextInt(120);
            outside += age < 18 || age > 90 ? 1 : 0;
            body.append(i == 0 ? "" : ",").append("[").append(age).append(", 100, \"clerk\"]");
        }
        Instances in = new InstanceReader(SCHEMA, RANGES).read(JSON.readTree(body.append("]").toString()), "");
        assertThat(outside).isGreaterThan(InstanceReader.MAX_VIOLATIONS);
        assertThat(in.outsideCount()).isEqualTo(outside);
        assertThat(in.outsideRange()).hasSize(InstanceReader.MAX_VIOLATIONS);
    }

    @Test
    void withoutRangesNothingIsNoted() throws Exception {
        Instances in = new InstanceReader(SCHEMA).read(JSON.readTree("[[1000, -5, \"admin\"]]"), "");
        assertThat(in.outsideRange()).isEmpty();
        assertThat(in.outsideCount()).isZero();
    }
}
