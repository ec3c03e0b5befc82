/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package ai.litellm.spring.benchmarks.report;

import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart in plain SVG, one panel per pass, one bar per mode with a
 * whisker from the smallest to the largest round.
 *
 * @author LiteLLM Spring Boot contributors
 */
final class SvgBarChart {

	private static final int WIDTH = 1150;

	private static final int LABEL_WIDTH = 130;

	private static final int BAR_AREA = 560;

	private static final int BAR_HEIGHT = 22;

	private static final int PANEL_GAP = 46;

	private static final String[] COLOURS = { "#8c8c8c", "#2b7bba", "#5fa8d3", "#d95f02", "#7570b3", "#1b9e77" };

	private SvgBarChart() {
	}

	static String render(String title, List<String> subtitles, List<Panel> panels) {
		int top = 44 + 18 * subtitles.size();
		int height = top
				+ panels.stream().mapToInt((panel) -> PANEL_GAP + panel.bars().size() * (BAR_HEIGHT + 6)).sum();
		StringBuilder svg = new StringBuilder();
		svg.append(format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
				+ "font-family=\"sans-serif\" font-size=\"13\">\n", WIDTH, height));
		svg.append(format("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>\n", WIDTH, height));
		svg.append(format("<text x=\"10\" y=\"24\" font-size=\"17\" font-weight=\"bold\">%s</text>\n", escape(title)));
		for (int i = 0; i < subtitles.size(); i++) {
			svg.append(
					format("<text x=\"10\" y=\"%d\" fill=\"#555\">%s</text>\n", 44 + 18 * i, escape(subtitles.get(i))));
		}
		int y = top;
		for (Panel panel : panels) {
			y = renderPanel(svg, panel, y);
		}
		return svg.append("</svg>\n").toString();
	}

	private static int renderPanel(StringBuilder svg, Panel panel, int top) {
		svg.append(format("<text x=\"10\" y=\"%d\" font-weight=\"bold\">%s</text>\n", top + 16, escape(panel.title())));
		double scale = BAR_AREA / Math.max(1, panel.bars().stream().mapToDouble(Bar::max).max().orElse(1));
		int y = top + 28;
		for (int i = 0; i < panel.bars().size(); i++) {
			Bar bar = panel.bars().get(i);
			svg.append(format("<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n", LABEL_WIDTH - 8,
					y + BAR_HEIGHT - 6, escape(bar.label())));
			svg.append(format("<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>\n", LABEL_WIDTH, y,
					bar.value() * scale, BAR_HEIGHT, COLOURS[i % COLOURS.length]));
			double whiskerY = y + BAR_HEIGHT / 2.0;
			svg.append(format("<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"black\"/>\n",
					LABEL_WIDTH + bar.min() * scale, LABEL_WIDTH + bar.max() * scale, whiskerY, whiskerY));
			svg.append(format("<text x=\"%.1f\" y=\"%d\">%s</text>\n", LABEL_WIDTH + bar.max() * scale + 8,
					y + BAR_HEIGHT - 6, escape(bar.annotation())));
			y += BAR_HEIGHT + 6;
		}
		return y + PANEL_GAP - 28;
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	private static String format(String format, Object... values) {
		return String.format(Locale.ROOT, format, values);
	}

	/**
	 * One panel of bars.
	 *
	 * @param title what the panel shows
	 * @param bars its bars, top to bottom
	 */
	record Panel(String title, List<Bar> bars) {

	}

	/**
	 * One bar.
	 *
	 * @param label the bar's name
	 * @param value its length
	 * @param min the start of its whisker
	 * @param max the end of its whisker
	 * @param annotation the text after it
	 */
	record Bar(String label, double value, double min, double max, String annotation) {

	}

}
