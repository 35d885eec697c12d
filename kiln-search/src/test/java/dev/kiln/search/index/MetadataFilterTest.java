package dev.kiln.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetadataFilterTest {
    @Test
    void keysAreAndedAndValuesOfOneKeyOred() {
        MetadataFilter f = MetadataFilter.parse(List.of("doc=faq", "doc=howto", "lang=en"));
        assertThat(f.test(Map.of("doc", "faq", "lang", "en"))).isTrue();
        assertThat(f.test(Map.of("doc", "howto", "lang", "en"))).isTrue();
        assertThat(f.test(Map.of("doc", "faq", "lang", "de"))).isFalse();
        assertThat(f.test(Map.of("doc", "faq"))).isFalse();
        assertThat(MetadataFilter.none().test(Map.of())).isTrue();
    }

    @Test
    void valuesMayHoldEqualsSigns() {
        assertThat(MetadataFilter.parse(List.of("q=a=b")).allowed()).containsEntry("q", java.util.Set.of("a=b"));
    }

    @Test
    void badTermsAreNamed() {
        assertThatThrownBy(() -> MetadataFilter.parse(List.of("doc"))).hasMessageContaining("filter 'doc'")
                .hasMessageContaining("KEY=VALUE");
        assertThatThrownBy(() -> MetadataFilter.parse(List.of("=faq"))).hasMessageContaining("filter '=faq'");
        assertThatThrownBy(() -> MetadataFilter.parse(List.of("a b=c"))).hasMessageContaining("metadata key 'a b'");
    }
}
