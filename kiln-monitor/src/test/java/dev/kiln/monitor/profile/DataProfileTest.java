package dev.kiln.monitor.profile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.core.frame.BooleanColumn;
import dev.kiln.core.frame.CategoricalColumn;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.TextColumn;
import dev.kiln.core.io.DataFormatException;
import dev.kiln.core.random.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DataProfileTest {

    private static Frame frame(int rows, long seed) {
        Rng rng = Rng.seeded(seed);
        DoubleColumn.Builder age = DoubleColumn.builder("age");
        CategoricalColumn.Builder city = CategoricalColumn.builder("city");
        TextColumn.Builder code = TextColumn.builder("code");
        boolean[] member = new boolean[rows];
        for (int i = 0; i < rows; i++) {
            if (i % 10 == 3) {
                age.addMissing();
            } else {
                age.add(40 + 10 * rng.nextGaussian());
            }
            city.add(new String[]{"Oslo", "Bergen", "Oslo", "Tromsø"}[i % 4]);
            code.add("AB-" + (1000 + i));
            member[i] = i % 3 == 0;
        }
        return Frame.of(age.build(), city.build(), code.build(), BooleanColumn.of("member", member));
    }

    @Test
    void profilesEveryColumnInOnePass() {
        Frame data = frame(1000, 1);
        DataProfile profile = DataProfile.of(data, "people.csv");
        assertThat(profile.rows()).isEqualTo(1000);
        assertThat(profile.names()).containsExactly("age", "city", "code", "member");

        ColumnProfile age = profile.column("age");
        double[] present = java.util.Arrays.stream(data.column("age").toDoubles()).filter(v -> !Double.isNaN(v)).toArray();
        double mean = java.util.Arrays.stream(present).average().orElseThrow();
        double variance = java.util.Arrays.stream(present).map(v -> (v - mean) * (v - mean)).sum() / (present.length - 1);
        assertThat(age.missing()).isEqualTo(100);
        assertThat(age.missingRate()).isEqualTo(0.1);
        assertThat(age.mean()).isCloseTo(mean, within(1e-9));
        assertThat(age.std()).isCloseTo(Math.sqrt(variance), within(1e-9));
        assertThat(age.distinctCount()).isCloseTo(900, within(900 * 0.065));
        double[] histogramCounts = age.histogram(10).counts();
        assertThat(java.util.Arrays.stream(histogramCounts).sum()).isCloseTo(900, within(10.0));

        ColumnProfile city = profile.column("city");
        assertThat(city.topValues(2)).containsExactly(Map.entry("Oslo", 500L), Map.entry("Bergen", 250L));
        assertThat(city.valueCountsExact()).isTrue();
        assertThat(city.topPatterns(1)).containsEntry("Aa+", 1000L);
        assertThat(city.lengths().mean()).isCloseTo((4 * 2 + 6 + 6) / 4.0, within(1e-12));

        assertThat(profile.column("code").topPatterns(1)).containsExactly(Map.entry("A+-9+", 1000L));
        assertThat(profile.column("member").topValues(2)).containsExactly(Map.entry("false", 666L), Map.entry("true", 334L));
        assertThat(profile.column("member").mean()).isCloseTo(0.334, within(1e-12));
    }

    @Test
    void mergingProfilesOfPartsGivesTheProfileOfTheWhole() {
        Frame data = frame(3000, 2);
        DataProfile whole = DataProfile.of(data, "all.csv");
        DataProfile merged = DataProfile.of(data.slice(0, 1200), "all.csv").merge(DataProfile.of(data.slice(1200, 3000), "all.csv"));
        assertThat(merged.rows()).isEqualTo(3000);
        for (String name : whole.names()) {
            ColumnProfile a = whole.column(name);
            ColumnProfile b = merged.column(name);
            assertThat(b.missing()).isEqualTo(a.missing());
            assertThat(b.distinctCount()).as(name).isEqualTo(a.distinctCount());
            if (a.isNumeric()) {
                assertThat(b.mean()).isCloseTo(a.mean(), within(1e-9));
                assertThat(b.std()).isCloseTo(a.std(), within(1e-9));
                assertThat(b.min()).isEqualTo(a.min());
                assertThat(b.max()).isEqualTo(a.max());
                assertThat(b.quantile(0.5)).isCloseTo(a.quantile(0.5), within(0.5));
            } else if (a.valueCountsExact()) {
                assertThat(b.topValues(3)).isEqualTo(a.topValues(3));
            } else {
                // 3,000 distinct codes overflow the 1,000 counters: both summaries are approximate.
                assertThat(b.valueCountsExact()).isFalse();
            }
        }
    }

    @Test
    void aProfileFileReadsBackToTheSameProfile(@TempDir Path dir) throws Exception {
        DataProfile profile = DataProfile.of(frame(5000, 3), "people.csv");
        Path file = dir.resolve("profile.json");
        ProfileJson.write(profile, file);
        DataProfile read = ProfileJson.read(file);
        assertThat((Object) ProfileJson.toJson(read).without("kiln_version")).isEqualTo(ProfileJson.toJson(profile).without("kiln_version"));
        assertThat(read.column("age").quantile(0.9)).isEqualTo(profile.column("age").quantile(0.9));
        assertThat(Files.readString(file)).contains("\"missing_rate\" : 0.1");
    }

    @Test
    void aBrokenProfileFileIsReportedWithItsJsonPointer(@TempDir Path dir) throws Exception {
        ObjectNode json = ProfileJson.toJson(DataProfile.of(frame(50, 4), null));
        ((ObjectNode) json.at("/columns/age/sketches/kll")).put("n", 7);
        assertThatThrownBy(() -> read(dir, json)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("/columns/age/sketches/kll").hasMessageContaining("weigh");

        ObjectNode badType = ProfileJson.toJson(DataProfile.of(frame(50, 4), null));
        ((ObjectNode) badType.at("/columns/city")).put("type", "colour");
        assertThatThrownBy(() -> read(dir, badType)).hasMessageContaining("/columns/city/type")
                .hasMessageContaining("unknown column type 'colour'");

        ObjectNode notProfile = new ObjectMapper().createObjectNode().put("format", "something-else");
        assertThatThrownBy(() -> read(dir, notProfile)).hasMessageContaining("not a Kiln profile");

        Path garbage = dir.resolve("garbage.json");
        Files.writeString(garbage, "{\"format\": ");
        assertThatThrownBy(() -> ProfileJson.read(garbage)).hasMessageContaining("garbage.json:1").hasMessageContaining("not JSON");
        assertThatThrownBy(() -> ProfileJson.read(dir.resolve("missing.json"))).hasMessageContaining("no such file");
    }

    private static DataProfile read(Path dir, ObjectNode json) throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, json.toString());
        return ProfileJson.read(file);
    }

    @Test
    void profilesWithDifferentColumnsDoNotMerge() {
        DataProfile a = DataProfile.of(frame(10, 5), null);
        DataProfile b = DataProfile.of(frame(10, 5).drop("code"), null);
        assertThatThrownBy(() -> a.merge(b)).hasMessageContaining("different columns");
        assertThatThrownBy(() -> a.column("height")).hasMessageContaining("no column 'height'");
    }
}
