package dev.kiln.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.frame.CategoricalColumn;
import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.frame.Frame;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Real files from shared/datasets, copied into the test resources with their READMEs. */
class DatasetsTest {

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(DatasetsTest.class.getResource("/datasets/" + name).toURI());
    }

    @Test
    void iris() throws URISyntaxException {
        Frame f = TabularFile.read(resource("iris/iris.csv"));
        assertThat(f.rowCount()).isEqualTo(150);
        assertThat(f.names()).containsExactly("sepal length (cm)", "sepal width (cm)", "petal length (cm)",
                "petal width (cm)", "target", "target_name");
        assertThat(f.columns()).extracting(Column::type).containsExactly(ColumnType.DOUBLE, ColumnType.DOUBLE,
                ColumnType.DOUBLE, ColumnType.DOUBLE, ColumnType.LONG, ColumnType.CATEGORICAL);
        CategoricalColumn species = (CategoricalColumn) f.column("target_name");
        assertThat(species.levels()).containsExactly("setosa", "versicolor", "virginica");
        assertThat(species.levelCounts()).containsExactly(50, 50, 50);
        assertThat(f.columns()).allSatisfy(c -> assertThat(c.missingCount()).isZero());
    }

    @Test
    void titanicQuotesEveryStringAndLeavesAgesMissing() throws URISyntaxException {
        Frame f = TabularFile.read(resource("titanic/titanic.csv"));
        assertThat(f.rowCount()).isEqualTo(1309);
        assertThat(f.names()).containsExactly("passenger", "survived", "sex", "age", "passengerClass");
        assertThat(f.columns()).extracting(Column::type).containsExactly(ColumnType.TEXT, ColumnType.CATEGORICAL,
                ColumnType.CATEGORICAL, ColumnType.DOUBLE, ColumnType.CATEGORICAL);
        assertThat(f.column("age").missingCount()).isEqualTo(263);
        assertThat(f.column("passenger").text(0)).isEqualTo("Allen, Miss. Elisabeth Walton");
        assertThat(f.column("age").getDouble(1)).isEqualTo(0.916700006);
        CategoricalColumn survived = (CategoricalColumn) f.column("survived");
        assertThat(survived.levels()).containsExactly("yes", "no");
        assertThat(survived.levelCounts()).containsExactly(500, 809);
        assertThat(((CategoricalColumn) f.column("passengerClass")).levelCounts()).containsExactly(323, 277, 709);
    }

    @Test
    void pythonFaqQuestionsInJsonLines() throws URISyntaxException {
        Frame f = TabularFile.read(resource("python_docs_qa/qa.jsonl"));
        assertThat(f.rowCount()).isEqualTo(100);
        assertThat(f.names()).containsExactly("id", "question", "answer", "doc", "category", "passage_id");
        assertThat(f.columns()).extracting(Column::type).containsExactly(ColumnType.TEXT, ColumnType.TEXT,
                ColumnType.TEXT, ColumnType.CATEGORICAL, ColumnType.CATEGORICAL, ColumnType.TEXT);
        assertThat(f.column("id").text(0)).isEqualTo("q0001");
        assertThat(f.column("answer").text(0)).contains("\n");
        assertThat(((CategoricalColumn) f.column("doc")).levels()).hasSize(8);
        CategoricalColumn category = (CategoricalColumn) f.column("category");
        assertThat(category.levels()).hasSize(17).contains("");
        assertThat(category.levelCounts()[category.levels().indexOf("")]).isEqualTo(32);
    }
}
