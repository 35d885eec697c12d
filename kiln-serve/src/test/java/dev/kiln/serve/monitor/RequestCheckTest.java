package dev.kiln.serve.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.frame.Schema;
import dev.kiln.monitor.expect.Expectation;
import dev.kiln.monitor.expect.ExpectationSuite;
import dev.kiln.serve.input.InstanceReader;
import dev.kiln.serve.input.Instances;
import dev.kiln.serve.input.Violation;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which expectations one request can break, and how each failing value is named. */
class RequestCheckTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Schema SCHEMA = new Schema(List.of(Schema.Field.of("age", ColumnType.DOUBLE),
            Schema.Field.of("code", ColumnType.TEXT), Schema.Field.of("city", ColumnType.TEXT)));
    private static final ExpectationSuite SUITE = new ExpectationSuite("train.csv", List.of(
            new Expectation.ColumnsMatch(List.of("age", "code", "city", "label"), true),
            new Expectation.RowCountBetween(1L, null),
            new Expectation.HasType("age", ColumnType.DOUBLE),
            new Expectation.NotNull("age", 1.0),
            new Expectation.NotNull("code", 0.9),
            new Expectation.InRange("age", 0.0, 120.0, 0.99),
            new Expectation.MeanBetween("age", 30, 50),
            new Expectation.MatchesRegex("code", "\\p{Lu}\\p{Nd}+", 0.99),
            new Expectation.InSet("city", Set.of("Oslo", "Lima"), 1),
            new Expectation.Unique("code"),
            new Expectation.InRange("label", 0.0, 1.0, 1)));

    private static Instances read(String json) throws Exception {
        return new InstanceReader(SCHEMA).read(JSON.readTree(json), "/instances");
    }

    @Test
    void checksValueByValueWhatOneRequestCanBreak() {
        RequestCheck check = new RequestCheck(SUITE, SCHEMA);
        // Not the column set, row count, type, a tolerant not_null, the mean, uniqueness, or a column the model does not read.
        assertThat(check.checked()).extracting(Expectation::kind).containsExactly("not_null", "range", "regex", "allowed_values");
    }

    @Test
    void namesEachFailingValueByItsPointerAndCountsThemPerExpectation() throws Exception {
        RequestCheck check = new RequestCheck(SUITE, SCHEMA);
        RequestCheck.Findings f = check.check(read("""
                [{"age": 41, "code": "A17", "city": "Oslo"},
                 {"age": 130, "code": "a17", "city": "Rome"},
                 [30, "B2", "Lima"],
                 [null, "C3", "Lima"]]
                """));
        assertThat(f.total()).isEqualTo(4);
        assertThat(f.listed()).extracting(Violation::pointer)
                .containsExactly("/instances/3/0", "/instances/1/age", "/instances/1/code", "/instances/1/city");
        assertThat(f.listed().get(0).message()).isEqualTo("a missing value fails the expectation not_null of column 'age': expected a"
                + " value (the column was never missing in training)");
        assertThat(f.listed().get(1).message()).isEqualTo("'130' fails the expectation range of column 'age': expected a number in [0, 120]");
        assertThat(f.listed().get(2).message()).contains("'a17' fails the expectation regex of column 'code'");
        assertThat(f.listed().get(3).message()).contains("'Rome' fails the expectation allowed_values of column 'city'");
        assertThat(f.counts()).containsEntry(new RequestCheck.Failure("range", "age"), 1)
                .containsEntry(new RequestCheck.Failure("not_null", "age"), 1);
    }

    @Test
    void aCleanRequestHasNoFindings() throws Exception {
        RequestCheck.Findings f = new RequestCheck(SUITE, SCHEMA).check(read("[{\"age\": 0, \"code\": \"Z9\", \"city\": \"Lima\"}]"));
        assertThat(f.isEmpty()).isTrue();
        assertThat(f.listed()).isEmpty();
    }

    @Test
    void listsAtMostTheViolationLimitButCountsEveryFailure() throws Exception {
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 150; i++) {
            many.append(i == 0 ? "" : ",").append("[500, \"A1\", \"Oslo\"]");
        }
        RequestCheck.Findings f = new RequestCheck(SUITE, SCHEMA).check(read(many.append("]").toString()));
        assertThat(f.total()).isEqualTo(150);
        assertThat(f.listed()).hasSize(InstanceReader.MAX_VIOLATIONS);
    }
}
