package dev.kiln.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexCatalogTest {
    @TempDir
    Path tmp;

    private static void fill(PassageIndex index, String id) {
        index.add(List.of(new Passage(id, "text of " + id)), new float[][] {{1, 0}});
    }

    @Test
    void buildsListsAndOpensByName() {
        IndexCatalog catalog = new IndexCatalog(tmp.resolve("root"));
        assertThat(catalog.names()).isEmpty();
        catalog.build("docs", IndexSettings.of(2, "test"), false, false, ix -> fill(ix, "a"));
        catalog.build("other", IndexSettings.of(2, "test"), false, false, ix -> fill(ix, "b"));
        assertThat(catalog.names()).containsExactly("docs", "other");
        try (PassageIndex ix = catalog.openReadOnly("docs")) {
            assertThat(ix.get("a")).isPresent();
            assertThat(ix.segments()).isEqualTo(1);
        }
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        IndexCatalog catalog = new IndexCatalog(tmp.resolve("root"));
        assertThatThrownBy(() -> catalog.openReadOnly("nope")).hasMessageContaining("no index named 'nope'")
                .hasMessageContaining("there are none yet");
        catalog.build("docs", IndexSettings.of(2, "test"), false, false, ix -> fill(ix, "a"));
        assertThatThrownBy(() -> catalog.openReadOnly("nope")).hasMessageContaining("those there are: docs");
        assertThatThrownBy(() -> catalog.path("../escape")).hasMessageContaining("index name '../escape'");
    }

    @Test
    void aFailedBuildLeavesTheOldIndexAndNoDebris() throws Exception {
        IndexCatalog catalog = new IndexCatalog(tmp.resolve("root"));
        catalog.build("docs", IndexSettings.of(2, "test"), false, false, ix -> fill(ix, "old"));
        assertThatThrownBy(() -> catalog.build("docs", IndexSettings.of(2, "test"), false, false, ix -> fill(ix, "new")))
                .hasMessageContaining("already exists").hasMessageContaining("--replace");
        assertThatThrownBy(() -> catalog.build("docs", IndexSettings.of(2, "test"), true, false, ix -> {
            fill(ix, "new");
            throw new IllegalStateException("embedding failed");
        })).hasMessageContaining("embedding failed");
        try (PassageIndex ix = catalog.openReadOnly("docs")) {
            assertThat(ix.get("old")).isPresent();
            assertThat(ix.get("new")).isEmpty();
        }
        try (var entries = Files.list(tmp.resolve("root"))) {
            assertThat(entries.map(p -> p.getFileName().toString()).toList()).containsExactly("docs");
        }
        catalog.build("docs", IndexSettings.of(2, "test"), true, false, ix -> fill(ix, "new"));
        try (PassageIndex ix = catalog.openReadOnly("docs")) {
            assertThat(ix.get("new")).isPresent();
            assertThat(ix.get("old")).isEmpty();
        }
        try (var entries = Files.list(tmp.resolve("root"))) {
            assertThat(entries.map(p -> p.getFileName().toString()).toList()).containsExactly("docs");
        }
    }
}
