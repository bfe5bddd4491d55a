// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.flamegraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pieces the SVG is made of: template slots, XML escaping, numbers, colours, fitted labels. */
class SvgPartsTest {
    @Test
    void theShippedTemplateHasTheSlotsTheWriterFills() {
        assertThat(SvgTemplate.flameGraph().slots()).containsExactlyInAnyOrder("width", "height", "total", "pad",
                "charwidth", "center", "right", "bottomtext", "messagey", "title", "message", "frames");
    }

    @Test
    void rendersLiteralTextAroundFilledSlots() throws IOException {
        SvgTemplate template = SvgTemplate.parse("<a x=\"{{x}}\">{{body}}</a>{{x}}");
        StringWriter out = new StringWriter();

        template.render(out, Map.of("x", w -> w.write("1"), "body", w -> w.write("<b/>")));

        assertThat(out).hasToString("<a x=\"1\"><b/></a>1");
    }

    @Test
    void refusesMalformedSlotsAndMismatchedFillers() {
        assertThatThrownBy(() -> SvgTemplate.parse("a {{Name}} b"))
                .hasMessage("malformed slot at offset 2 of the template");
        assertThatThrownBy(() -> SvgTemplate.parse("a {{name"))
                .hasMessage("malformed slot at offset 2 of the template");
        assertThatThrownBy(() -> SvgTemplate.parse("{{a}}").render(new StringWriter(), Map.of()))
                .hasMessageContaining("do not match");
    }

    @Test
    void escapesMarkupAndReplacesWhatXmlCannotCarry() throws IOException {
        StringWriter out = new StringWriter();

        XmlText.write(out, "<lambda> & 'x' \"y\"\t\n\u0001\uFFFE\ud800 😀");

        assertThat(out).hasToString("&lt;lambda&gt; &amp; &apos;x&apos; &quot;y&quot;&#9;&#10;\uFFFD\uFFFD\uFFFD 😀");
    }

    @Test
    void formatsTwoDecimalsRoundingHalfUp() {
        assertThat(Decimals.twoPlaces(0)).isEqualTo("0.00");
        assertThat(Decimals.twoPlaces(3.1)).isEqualTo("3.10");
        assertThat(Decimals.twoPlaces(1180)).isEqualTo("1180.00");
        assertThat(Decimals.twoPlaces(2.005001)).isEqualTo("2.01");
        assertThat(Decimals.twoPlaces(0.004)).isEqualTo("0.00");
        assertThat(Decimals.twoPlaces(-1.5)).isEqualTo("-1.50");
        assertThat(Decimals.twoPlaces(100.0 / 3)).isEqualTo("33.33");
    }

    @Test
    void coloursEachLabelTheSameHotColourEveryTime() {
        String colour = HotPalette.colour("main (app.py:3)");

        assertThat(HotPalette.colour("main (app.py:3)")).isEqualTo(colour);
        assertThat(HotPalette.colour("main (app.py:4)")).isNotEqualTo(colour);
        for (String label : new String[] {"", "a", "関数", "<lambda> (x.py)", "all"}) {
            assertThat(HotPalette.colour(label)).matches("rgb\\(\\d+,\\d+,\\d+\\)").satisfies(rgb -> {
                String[] parts = rgb.substring(4, rgb.length() - 1).split(",");
                assertThat(Integer.parseInt(parts[0])).isBetween(205, 255);
                assertThat(Integer.parseInt(parts[1])).isBetween(0, 230);
                assertThat(Integer.parseInt(parts[2])).isBetween(0, 55);
            });
        }
    }

    @Test
    void fitsLabelsIntoBarsByCodePoints() {
        Geometry geometry = Geometry.STANDARD;
        // 12 px * 0.59 = 7.08 px per character after 6 px of margins.
        assertThat(geometry.fit("abcdefghij", 6 + 7.08 * 10)).isEqualTo("abcdefghij");
        assertThat(geometry.fit("abcdefghij", 6 + 7.08 * 9)).isEqualTo("abcdefg..");
        assertThat(geometry.fit("😀😀😀😀😀", 6 + 7.08 * 4)).isEqualTo("😀😀..");
        assertThat(geometry.fit("abcdefghij", 6 + 7.08 * 2.9)).isEmpty();
    }
}
