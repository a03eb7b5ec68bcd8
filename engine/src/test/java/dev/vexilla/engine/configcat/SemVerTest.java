package dev.vexilla.engine.configcat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class SemVerTest {

    /** A version as its parts, with the spec's precedence written out independently of {@link SemVer}. */
    static final class Parts {
        final int major;
        final int minor;
        final int patch;
        final List<String> pre;
        final String build;

        Parts(int major, int minor, int patch, List<String> pre, String build) {
            this.major = major;
            this.minor = minor;
            this.patch = patch;
            this.pre = pre;
            this.build = build;
        }

        String text() {
            return major + "." + minor + "." + patch + (pre.isEmpty() ? "" : "-" + String.join(".", pre))
                    + (build.isEmpty() ? "" : "+" + build);
        }

        /** semver.org section 11, rule by rule. */
        int precedence(Parts o) {
            long[] a = {major, minor, patch};
            long[] b = {o.major, o.minor, o.patch};
            for (int i = 0; i < 3; i++) {
                if (a[i] != b[i]) {
                    return a[i] < b[i] ? -1 : 1;
                }
            }
            if (pre.isEmpty() || o.pre.isEmpty()) {
                return pre.isEmpty() == o.pre.isEmpty() ? 0 : (pre.isEmpty() ? 1 : -1);
            }
            for (int i = 0; ; i++) {
                if (i == pre.size() || i == o.pre.size()) {
                    return Integer.signum(pre.size() - o.pre.size());
                }
                String x = pre.get(i);
                String y = o.pre.get(i);
                boolean xn = x.chars().allMatch(Character::isDigit);
                boolean yn = y.chars().allMatch(Character::isDigit);
                int c;
                if (xn && yn) {
                    c = new java.math.BigInteger(x).compareTo(new java.math.BigInteger(y));
                } else if (xn || yn) {
                    c = xn ? -1 : 1;
                } else {
                    c = Integer.signum(x.compareTo(y));
                }
                if (c != 0) {
                    return c;
                }
            }
        }
    }

    @Provide
    Arbitrary<Parts> versions() {
        Arbitrary<Integer> number = Arbitraries.integers().between(0, 3);
        Arbitrary<String> identifier = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 12).map(String::valueOf),
                Arbitraries.of("alpha", "beta", "rc", "a-b", "x1", "A", "10a"));
        Arbitrary<List<String>> pre = identifier.list().ofMaxSize(3);
        Arbitrary<String> build = Arbitraries.of("", "build.1", "001", "sha-5114f85");
        return Combinators.combine(number, number, number, pre, build).as(Parts::new);
    }

    /** Versions whose parts reach and pass the packed-core limit (2^21) and the largest int: both compare paths. */
    @Provide
    Arbitrary<Parts> wideVersions() {
        Arbitrary<Integer> number = Arbitraries.of(0, 1, (1 << 21) - 1, 1 << 21, Integer.MAX_VALUE);
        Arbitrary<List<String>> pre =
                Arbitraries.of("1", "rc", "2097152").list().ofMaxSize(2);
        return Combinators.combine(number, number, number, pre, Arbitraries.of("", "b.7"))
                .as(Parts::new);
    }

    @Property(tries = 2000)
    void packedAndPartByPartComparisonsAgree(@ForAll("wideVersions") Parts a, @ForAll("wideVersions") Parts b) {
        SemVer y = SemVer.parse(b.text());
        long layout = SemVer.layout(a.text());
        long core = SemVer.core(a.text(), layout);

        assertThat(core >= 0).isEqualTo(Math.max(a.major, Math.max(a.minor, a.patch)) < 1 << 21);
        assertThat(Integer.signum(SemVer.compare(a.text(), layout, core, y)))
                .as("%s vs %s", a.text(), b.text())
                .isEqualTo(a.precedence(b));
        assertThat(Integer.signum(SemVer.compare(a.text(), layout, -1, y)))
                .as("part by part: %s vs %s", a.text(), b.text())
                .isEqualTo(a.precedence(b));
    }

    @org.junit.jupiter.api.Test
    void anInvalidVersionHasNoCore() {
        for (String text : List.of("bad", "1.2", "01.2.3", "")) {
            assertThat(SemVer.core(text, SemVer.layout(text))).as(text).isEqualTo(-1);
        }
        assertThat(SemVer.core("1.2.3", SemVer.layout("1.2.3"))).isNotNegative();
    }

    @Provide
    Arbitrary<List<Parts>> versionLists() {
        return versions().list().ofMaxSize(20);
    }

    @Property(tries = 3000)
    void orderingFollowsTheSpec(@ForAll("versions") Parts a, @ForAll("versions") Parts b) {
        SemVer x = SemVer.parse(a.text());
        SemVer y = SemVer.parse(b.text());

        assertThat(x).isNotNull();
        assertThat(y).isNotNull();
        assertThat(Integer.signum(x.compareTo(y)))
                .as("%s vs %s", a.text(), b.text())
                .isEqualTo(a.precedence(b));
        assertThat(x.equals(y)).isEqualTo(a.precedence(b) == 0);
    }

    @Property(tries = 3000)
    void comparingTextInPlaceFollowsTheSpec(@ForAll("versions") Parts a, @ForAll("versions") Parts b) {
        SemVer y = SemVer.parse(b.text());

        assertThat(SemVer.isValid(a.text())).isTrue();
        assertThat(Integer.signum(SemVer.compare(a.text(), y)))
                .as("%s vs %s", a.text(), b.text())
                .isEqualTo(a.precedence(b));
    }

    @Property(tries = 500)
    void buildMetadataIsIgnored(@ForAll("versions") Parts a) {
        Parts other = new Parts(a.major, a.minor, a.patch, a.pre, a.build.isEmpty() ? "other" : "");

        assertThat(SemVer.parse(a.text())).isEqualTo(SemVer.parse(other.text()));
    }

    @Property(tries = 200)
    void sortingAgreesWithPairwiseComparison(@ForAll("versionLists") List<Parts> parts) {
        List<SemVer> versions = new ArrayList<>();
        parts.forEach(p -> versions.add(SemVer.parse(p.text())));
        versions.sort(null);
        for (int i = 1; i < versions.size(); i++) {
            assertThat(versions.get(i - 1).compareTo(versions.get(i))).isLessThanOrEqualTo(0);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1.0.0-alpha<1.0.0-alpha.1",
                "1.0.0-alpha.1<1.0.0-alpha.beta",
                "1.0.0-alpha.beta<1.0.0-beta",
                "1.0.0-beta<1.0.0-beta.2",
                "1.0.0-beta.2<1.0.0-beta.11",
                "1.0.0-beta.11<1.0.0-rc.1",
                "1.0.0-rc.1<1.0.0",
                "1.9.0<1.10.0",
                "1.9.1-10<1.9.1-10a",
                "1.0.0-99999999999999999999<1.0.0-100000000000000000000"
            })
    void specExamplesAreOrdered(String pair) {
        String[] sides = pair.split("<");
        assertThat(SemVer.parse(sides[0]).compareTo(SemVer.parse(sides[1]))).isNegative();
        assertThat(SemVer.compare(sides[0], SemVer.parse(sides[1]))).isNegative();
        assertThat(SemVer.compare(sides[1], SemVer.parse(sides[0]))).isPositive();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "1",
                "1.0",
                "1.0.0.0",
                "01.0.0",
                "1.01.0",
                "1.0.01",
                "v1.0.0",
                " 1.0.0",
                "1.0.0-",
                "1.0.0+",
                "1.0.0-01",
                "1.0.0-a..b",
                "1.0.0-é",
                "1.0.0+a..b",
                "-1.0.0",
                "1.0.0-a_b",
                "99999999999.0.0",
                "a.b.c"
            })
    void invalidVersionsAreRejected(String text) {
        assertThat(SemVer.parse(text)).isNull();
        assertThat(SemVer.isValid(text)).isFalse();
        assertThat(SemVer.layout(text)).isEqualTo(-1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0.0.0",
                "1.2.3-0",
                "1.2.3-0a",
                "1.2.3-a.0.b",
                "1.2.3+001",
                "1.2.3-rc.1+build.5",
                "2147483647.0.0"
            })
    void validVersionsAreAccepted(String text) {
        assertThat(SemVer.parse(text)).isNotNull();
        assertThat(SemVer.isValid(text)).isTrue();
        assertThat(SemVer.compare(text, SemVer.parse(text))).isZero();
        assertThat(SemVer.compare(text, SemVer.layout(text), SemVer.parse("0.0.0-0")))
                .isPositive();
    }
}
