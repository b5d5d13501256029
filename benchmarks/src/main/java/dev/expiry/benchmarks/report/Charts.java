package dev.expiry.benchmarks.report;

import dev.expiry.benchmarks.build.BuildBenchmark;
import java.util.List;
import java.util.Locale;

/** Hand-written SVG: per-request time per variant, and build time against N. */
public final class Charts {

  private Charts() {}

  /** One bar of the per-request chart. */
  public record Bar(String label, double value, double error, String note, String color) {}

  /**
   * Horizontal bars on a logarithmic axis (the values span orders of magnitude) that starts at
   * {@code min}, labelled {@code axis}.
   */
  public static String bars(String title, String axis, double min, List<Bar> bars) {
    int longest = bars.stream().mapToInt(b -> b.label().length()).max().orElse(0);
    int left = Math.max(220, 7 * longest + 16);
    int right = 170;
    int plot = 480;
    int top = 48;
    int row = 30;
    int width = left + plot + right;
    int height = top + row * bars.size() + 44;
    double max = min * 10;
    for (Bar b : bars) {
      max = Math.max(max, b.value() + (Double.isNaN(b.error()) ? 0 : b.error()));
    }
    double lo = Math.log10(min);
    double hi = Math.ceil(Math.log10(max));
    StringBuilder svg = header(width, height, title);
    for (int p = (int) lo; p <= hi; p++) {
      double x = left + plot * (p - lo) / (hi - lo);
      svg.append(f("<line x1='%.1f' y1='%d' x2='%.1f' y2='%d' stroke='#ddd'/>%n", x, top - 6, x, top + row * bars.size()));
      svg.append(f("<text x='%.1f' y='%d' text-anchor='middle' fill='#555'>%s</text>%n", x,
          top + row * bars.size() + 16, fmt(Math.pow(10, p))));
    }
    svg.append(f("<text x='%d' y='%d' text-anchor='middle' fill='#555'>%s</text>%n",
        left + plot / 2, top + row * bars.size() + 34, esc(axis)));
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      int y = top + row * i;
      double v = Math.max(min, b.value());
      double x = left + plot * (Math.log10(v) - lo) / (hi - lo);
      svg.append(f("<text x='%d' y='%d' text-anchor='end'>%s</text>%n", left - 8, y + 18, esc(b.label())));
      svg.append(f("<rect x='%d' y='%d' width='%.1f' height='%d' fill='%s'/>%n", left, y + 6, x - left, row - 10, b.color()));
      double labelX = Math.max(x, left);
      if (!Double.isNaN(b.error()) && b.error() > 0) {
        double x1 = left + plot * (Math.log10(Math.max(min, b.value() - b.error())) - lo) / (hi - lo);
        double x2 = left + plot * (Math.log10(b.value() + b.error()) - lo) / (hi - lo);
        svg.append(f("<line x1='%.1f' y1='%d' x2='%.1f' y2='%d' stroke='#222'/>%n", x1, y + 15, x2, y + 15));
        labelX = Math.max(labelX, x2);
      }
      svg.append(f("<text x='%.1f' y='%d' fill='#222'>%s</text>%n", labelX + 6, y + 18, esc(b.note())));
    }
    return svg.append("</svg>\n").toString();
  }

  /** Median javac time against N, without and with the processor, for one corpus. */
  public static String build(String title, BuildBenchmark.Series result) {
    int left = 70;
    int plot = 560;
    int top = 48;
    int plotH = 300;
    int width = left + plot + 250;
    int height = top + plotH + 50;
    List<BuildBenchmark.Point> points = result.points();
    double maxN = points.stream().mapToDouble(BuildBenchmark.Point::endpoints).max().orElse(1);
    double maxMs = 1;
    for (BuildBenchmark.Point p : points) {
      maxMs = Math.max(maxMs, Math.max(Math.max(p.processorMedian(), p.plainMedian()),
          Math.max(p.processorCpuMedian(), p.plainCpuMedian())));
    }
    maxMs = niceCeiling(maxMs);
    maxN = niceCeiling(maxN);
    StringBuilder svg = header(width, height, title);
    for (int i = 0; i <= 5; i++) {
      double ms = maxMs * i / 5;
      double y = top + plotH - plotH * i / 5.0;
      svg.append(f("<line x1='%d' y1='%.1f' x2='%d' y2='%.1f' stroke='#ddd'/>%n", left, y, left + plot, y));
      svg.append(f("<text x='%d' y='%.1f' text-anchor='end' fill='#555'>%s</text>%n", left - 6, y + 4, fmt(ms)));
      double n = maxN * i / 5;
      double x = left + plot * i / 5.0;
      svg.append(f("<text x='%.1f' y='%d' text-anchor='middle' fill='#555'>%s</text>%n", x, top + plotH + 16, fmt(n)));
    }
    svg.append(f("<text x='%d' y='%d' text-anchor='middle' fill='#555'>%s compiled (N)</text>%n",
        left + plot / 2, top + plotH + 36, esc(result.corpus().label())));
    svg.append(f("<text x='16' y='%d' fill='#555' transform='rotate(-90 16 %d)' text-anchor='middle'>median ms</text>%n",
        top + plotH / 2, top + plotH / 2));
    series(svg, points, true, "#1b7f5b", left, top, plot, plotH, maxN, maxMs);
    series(svg, points, false, "#777", left, top, plot, plotH, maxN, maxMs);
    int lx = left + plot + 16;
    svg.append(f("<rect x='%d' y='%d' width='14' height='4' fill='#1b7f5b'/><text x='%d' y='%d'>javac + Expiry processor, CPU</text>%n",
        lx, top + 10, lx + 20, top + 15));
    svg.append(f("<rect x='%d' y='%d' width='14' height='4' fill='#777'/><text x='%d' y='%d'>javac -proc:none, CPU</text>%n",
        lx, top + 32, lx + 20, top + 37));
    svg.append(f("<circle cx='%d' cy='%d' r='3.5' fill='none' stroke='#555'/><text x='%d' y='%d'>wall time (hollow)</text>%n",
        lx + 7, top + 56, lx + 20, top + 60));
    return svg.append("</svg>\n").toString();
  }

  private static void series(StringBuilder svg, List<BuildBenchmark.Point> points, boolean processor, String color,
      int left, int top, int plot, int plotH, double maxN, double maxMs) {
    StringBuilder line = new StringBuilder();
    for (BuildBenchmark.Point p : points) {
      double ms = processor ? p.processorCpuMedian() : p.plainCpuMedian();
      double wall = processor ? p.processorMedian() : p.plainMedian();
      double x = left + plot * p.endpoints() / maxN;
      double y = top + plotH - plotH * ms / maxMs;
      line.append(f("%.1f,%.1f ", x, y));
      svg.append(f("<circle cx='%.1f' cy='%.1f' r='3.5' fill='%s'/>%n", x, y, color));
      svg.append(f("<circle cx='%.1f' cy='%.1f' r='3.5' fill='none' stroke='%s'/>%n", x,
          top + plotH - plotH * wall / maxMs, color));
    }
    svg.append(f("<polyline points='%s' fill='none' stroke='%s' stroke-width='2'/>%n", line.toString().trim(), color));
  }

  private static StringBuilder header(int width, int height, String title) {
    StringBuilder svg = new StringBuilder();
    svg.append(f("<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' viewBox='0 0 %d %d' "
        + "font-family='Helvetica, Arial, sans-serif' font-size='12'>%n", width, height, width, height));
    svg.append(f("<rect width='%d' height='%d' fill='white'/>%n", width, height));
    svg.append(f("<text x='16' y='24' font-size='15' font-weight='bold'>%s</text>%n", esc(title)));
    return svg;
  }

  private static double niceCeiling(double v) {
    double p = Math.pow(10, Math.floor(Math.log10(v)));
    for (double m : new double[] {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
      if (m * p >= v) {
        return m * p;
      }
    }
    return 10 * p;
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", (long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;");
  }
}
