package dev.kiln.core.frame;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * The names and types of a frame's columns, and the levels of its categorical ones: what a
 * model expects as input. Saved in model manifests and checked against incoming data.
 */
public record Schema(List<Field> fields) {

    /** One column's name, type and (for categorical columns) levels. */
    public record Field(String name, ColumnType type, List<String> levels) {
        @JsonCreator
        public Field(@JsonProperty("name") String name, @JsonProperty("type") ColumnType type,
                     @JsonProperty("levels") List<String> levels) {
            this.name = Column.checkName(name);
            if (type == null) {
                throw new IllegalArgumentException("field '" + name + "' has no type");
            }
            this.type = type;
            this.levels = levels == null ? List.of() : List.copyOf(levels);
        }

        public static Field of(String name, ColumnType type) {
            return new Field(name, type, List.of());
        }
    }

    @JsonCreator
    public Schema(@JsonProperty("fields") List<Field> fields) {
        this.fields = List.copyOf(fields);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Field f : this.fields) {
            if (!seen.add(f.name())) {
                throw new IllegalArgumentException("schema has two fields named '" + f.name() + "'");
            }
        }
    }

    /** The schema of {@code frame}. */
    public static Schema of(Frame frame) {
        List<Field> out = new ArrayList<>();
        for (Column c : frame.columns()) {
            List<String> levels = c instanceof CategoricalColumn cat ? cat.levels() : List.of();
            out.add(new Field(c.name(), c.type(), levels));
        }
        return new Schema(out);
    }

    public List<String> names() {
        return fields.stream().map(Field::name).toList();
    }

    public int size() {
        return fields.size();
    }

    /** The field called {@code name}. */
    public Field field(String name) {
        for (Field f : fields) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw NoSuchColumnException.of(name, names());
    }
}
