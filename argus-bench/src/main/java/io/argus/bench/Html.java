package io.argus.bench;

import java.util.List;
import java.util.Locale;

/**
 * Small building blocks for self-contained HTML reports: a page frame, escaping, and inline SVG charts
 * (grouped horizontal bars, a scatter plot). No scripts and no external files, so a report opens
 * anywhere and can be attached to an issue as is.
 */
public final class Html {

    private static final String[] PALETTE = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};

    private Html() {
    }

    /** The page start, with a title and a small stylesheet. */
    public static String head(String title) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title) + "</title>\n"
                + "<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:1100px;color:#222}"
                + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}"
                + "th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}pre{background:#f7f7f7;padding:1em;overflow:auto}"
                + ".legend span{display:inline-block;margin-right:1em}.sw{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:middle}"
                + "</style></head><body>\n";
    }

    /** The page end. */
    public static String tail() {
        return "</body></html>\n";
    }

    /** Escapes text for HTML. */
    public static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The colour of series i. */
    public static String color(int i) {
        return PALETTE[i % PALETTE.length];
    }

    /**
     * Horizontal grouped bars: one group per label, one bar per series. NaN values are left out.
     *
     * @param min axis minimum (ignored for log scale)
     * @param max axis maximum, or 0 to take the largest value
     * @param log logarithmic axis (values must be positive)
     */
    public static String groupedBars(List<String> labels, List<String> series, double[][] values, double min, double max, boolean log) {
        int barH = 9;
        int groupH = barH * series.size() + 6;
        int left = 170;
        int width = 820;
        int plotW = width - left - 60;
        int height = groupH * labels.size() + 30;
        double hi = max;
        double lo = min;
        if (hi == 0 || log) {
            hi = Double.NEGATIVE_INFINITY;
            lo = Double.POSITIVE_INFINITY;
            for (double[] row : values) {
                for (double v : row) {
                    if (!Double.isNaN(v) && (!log || v > 0)) {
                        hi = Math.max(hi, v);
                        lo = Math.min(lo, v);
                    }
                }
            }
            if (hi == Double.NEGATIVE_INFINITY) {
                hi = 1;
                lo = log ? 0.1 : 0;
            }
            if (!log) {
                lo = Math.min(0, min);
            } else {
                lo = Math.pow(10, Math.floor(Math.log10(lo)));
                hi = Math.pow(10, Math.ceil(Math.log10(hi)));
                if (hi <= lo) {
                    hi = lo * 10;
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(legend(series));
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-size=\"10\">\n", width, height));
        for (int d = 0; d < labels.size(); d++) {
            int y0 = 20 + d * groupH;
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n", left - 6, y0 + groupH / 2 + 3,
                    esc(labels.get(d))));
            for (int s = 0; s < series.size(); s++) {
                double v = values[s][d];
                if (Double.isNaN(v) || (log && v <= 0)) {
                    continue;
                }
                double frac = log ? (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) : (v - lo) / (hi - lo);
                frac = Math.max(0, Math.min(1, frac));
                sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s %s: %s</title></rect>\n",
                        left, y0 + s * barH, Math.max(0.5, frac * plotW), barH - 1, color(s), esc(series.get(s)), esc(labels.get(d)),
                        String.format(Locale.ROOT, "%.4g", v)));
            }
        }
        for (int t = 0; t <= 4; t++) {
            double frac = t / 4.0;
            double v = log ? Math.pow(10, Math.log10(lo) + frac * (Math.log10(hi) - Math.log10(lo))) : lo + frac * (hi - lo);
            int x = left + (int) Math.round(frac * plotW);
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"12\" x2=\"%d\" y2=\"%d\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"10\" text-anchor=\"middle\">%s</text>\n", x, x, height, x, String.format(Locale.ROOT, "%.3g", v)));
        }
        sb.append("</svg>\n");
        return sb.toString();
    }

    /**
     * A scatter plot of two columns, each point coloured from light to dark red by a value in [0, 1],
     * with flagged points outlined.
     */
    public static String scatter(float[] x, float[] y, double[] shade, boolean[] outline, String xName, String yName) {
        int w = 520;
        int h = 420;
        int pad = 40;
        float minX = Float.POSITIVE_INFINITY;
        float maxX = Float.NEGATIVE_INFINITY;
        float minY = Float.POSITIVE_INFINITY;
        float maxY = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            minX = Math.min(minX, x[i]);
            maxX = Math.max(maxX, x[i]);
            minY = Math.min(minY, y[i]);
            maxY = Math.max(maxY, y[i]);
        }
        float spanX = maxX > minX ? maxX - minX : 1;
        float spanY = maxY > minY ? maxY - minY : 1;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-size=\"11\">\n", w, h));
        sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>\n", pad, 10, w - pad - 10, h - pad - 10));
        for (int i = 0; i < x.length; i++) {
            double px = pad + (x[i] - minX) / spanX * (w - pad - 20) + 5;
            double py = h - pad - (y[i] - minY) / spanY * (h - pad - 30) - 5;
            double t = Math.max(0, Math.min(1, shade[i]));
            int r = 255;
            int g = (int) Math.round(230 * (1 - t));
            int b = (int) Math.round(200 * (1 - t));
            sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%s\" fill=\"rgb(%d,%d,%d)\"%s/>\n", px, py,
                    outline[i] ? "4" : "2.2", r, g, b, outline[i] ? " stroke=\"#000\" stroke-width=\"1\"" : ""));
        }
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", w / 2, h - 8, esc(xName)));
        sb.append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%d\" transform=\"rotate(-90 12 %d)\" text-anchor=\"middle\">%s</text>\n", h / 2, h / 2, esc(yName)));
        sb.append("</svg>\n");
        return sb.toString();
    }

    private static String legend(List<String> series) {
        StringBuilder sb = new StringBuilder("<div class=\"legend\">");
        for (int s = 0; s < series.size(); s++) {
            sb.append("<span><i class=\"sw\" style=\"background:").append(color(s)).append("\"></i>").append(esc(series.get(s))).append("</span>");
        }
        return sb.append("</div>\n").toString();
    }
}
