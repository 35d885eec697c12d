package dev.kiln.learn.preprocess.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.frame.BooleanColumn;
import dev.kiln.core.frame.CategoricalColumn;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.LongColumn;
import dev.kiln.core.frame.TextColumn;
import dev.kiln.learn.preprocess.TestData;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EncodersTest {
    private static final Frame GERMAN = TestData.read("german_credit").select("checking_status", "purpose", "own_telephone");

    // g = pd.read_csv('german_credit/german_credit.csv'); cats = ['checking_status', 'purpose', 'own_telephone']
    // e = OneHotEncoder().fit(g[cats]); e.get_feature_names_out(); e.transform(g[cats]).toarray().sum(axis=0)
    @Test
    void oneHotMatchesScikitLearnOnGermanCredit() {
        FittedOneHotEncoder e = new OneHotEncoder().fit(GERMAN, null);
        Frame out = e.transform(GERMAN);
        assertThat(out.names()).containsExactly("checking_status=0<=X<200", "checking_status=<0", "checking_status=>=200",
                "checking_status=no checking", "purpose=business", "purpose=domestic appliance", "purpose=education",
                "purpose=furniture/equipment", "purpose=new car", "purpose=other", "purpose=radio/tv", "purpose=repairs",
                "purpose=retraining", "purpose=used car", "own_telephone=none", "own_telephone=yes");
        double[] sums = out.columns().stream().mapToDouble(c -> Arrays.stream(c.toDoubles()).sum()).toArray();
        assertThat(sums).containsExactly(269, 274, 63, 394, 97, 12, 50, 181, 234, 12, 280, 22, 9, 103, 596, 404);
        assertThat(e.sources("purpose=used car")).containsExactly("purpose");
        // OneHotEncoder(drop='if_binary'): 15 columns, own_telephone's first category dropped.
        Frame binary = new OneHotEncoder(new OneHotEncoder.Params(OneHotEncoder.HandleUnknown.ERROR, OneHotEncoder.Drop.IF_BINARY, null))
                .fit(GERMAN, null).transform(GERMAN);
        assertThat(binary.columnCount()).isEqualTo(15);
        assertThat(binary.names()).contains("own_telephone=yes").doesNotContain("own_telephone=none");
    }

    @Test
    void oneHotReplacesColumnsInPlaceAndEncodesLongBooleanAndMissingValues() {
        Frame x = Frame.of(DoubleColumn.of("d", 1, 2, 3), LongColumn.of("n", 10, 2, 10), BooleanColumn.of("b", true, false, true),
                TextColumn.of("t", "z", null, "a"));
        FittedOneHotEncoder e = new OneHotEncoder(new OneHotEncoder.Params(OneHotEncoder.HandleUnknown.ERROR, OneHotEncoder.Drop.NONE,
                List.of("n", "b", "t"))).fit(x, null);
        Frame out = e.transform(x);
        assertThat(out.names()).containsExactly("d", "n=2", "n=10", "b=false", "b=true", "t=a", "t=z", "t_missing");
        assertThat(out.column("t_missing").toDoubles()).containsExactly(0, 1, 0);
        assertThat(out.column("n=10").toDoubles()).containsExactly(1, 0, 1);
        assertThat(e.sources("t_missing")).containsExactly("t");
        assertThat(new OneHotEncoder().fit(x, null).outputNames()).containsExactly("t=a", "t=z", "t_missing");
    }

    @Test
    void unseenCategoriesFailOrBecomeZerosAndDropFirstLeavesOneOut() {
        Frame train = Frame.of(CategoricalColumn.of("city", "Oslo", "Bergen", "Oslo"));
        Frame test = Frame.of(CategoricalColumn.of("city", "Oslo", "Tromsø"));
        assertThatThrownBy(() -> new OneHotEncoder().fit(train, null).transform(test))
                .hasMessageContaining("column 'city' has category 'Tromsø' (row 1) not seen in fitting")
                .hasMessageContaining("[Bergen, Oslo]");
        Frame ignored = new OneHotEncoder(new OneHotEncoder.Params(OneHotEncoder.HandleUnknown.IGNORE, OneHotEncoder.Drop.NONE, null))
                .fit(train, null).transform(test);
        assertThat(ignored.column("city=Bergen").toDoubles()).containsExactly(0, 0);
        assertThat(ignored.column("city=Oslo").toDoubles()).containsExactly(1, 0);
        Frame first = new OneHotEncoder(new OneHotEncoder.Params(OneHotEncoder.HandleUnknown.ERROR, OneHotEncoder.Drop.FIRST, null))
                .fit(train, null).transform(train);
        assertThat(first.names()).containsExactly("city=Oslo");
        assertThatThrownBy(() -> new OneHotEncoder().fit(train, null).transform(Frame.of(DoubleColumn.of("city", 1))))
                .hasMessageContaining("column 'city' is double");
    }

    // OrdinalEncoder().fit(g[['purpose']]).transform(g[['purpose']])[:5] -> [6, 6, 2, 3, 4]
    @Test
    void ordinalMatchesScikitLearnAndHandlesUnknownAndMissingValues() {
        Frame p = GERMAN.select("purpose");
        double[] codes = new OrdinalEncoder().fit(p, null).transform(p).column("purpose").toDoubles();
        assertThat(Arrays.copyOf(codes, 5)).containsExactly(6, 6, 2, 3, 4);
        Frame train = Frame.of(CategoricalColumn.of("c", "b", "a", null));
        OrdinalEncoder unknown = new OrdinalEncoder(new OrdinalEncoder.Params(OrdinalEncoder.HandleUnknown.USE_ENCODED_VALUE, -1.0,
                Double.NaN, null));
        double[] out = unknown.fit(train, null).transform(Frame.of(CategoricalColumn.of("c", "a", "zz", null, "b"))).column("c").toDoubles();
        assertThat(out).containsExactly(0, -1, Double.NaN, 1);
        assertThatThrownBy(() -> new OrdinalEncoder().fit(train, null).transform(Frame.of(CategoricalColumn.of("c", "zz"))))
                .hasMessageContaining("category 'zz'");
        assertThatThrownBy(() -> new OrdinalEncoder(new OrdinalEncoder.Params(OrdinalEncoder.HandleUnknown.USE_ENCODED_VALUE, 1.0,
                Double.NaN, null)).fit(train, null)).hasMessageContaining("unknownValue 1.0 is the code of category 'b'");
        assertThatThrownBy(() -> new OrdinalEncoder.Params(OrdinalEncoder.HandleUnknown.USE_ENCODED_VALUE, null, Double.NaN, null))
                .hasMessageContaining("needs unknownValue");
    }
}
