package dev.expiry.benchmarks;

import java.util.Arrays;
import java.util.List;

/** Medians, percentiles and least-squares lines. */
public final class Stats {

  private Stats() {}

  /** {@code y = intercept + slope * x}, with the coefficient of determination. */
  public record Line(double slope, double intercept, double r2) {}

  public static double median(List<Double> values) {
    return percentile(values.stream().mapToDouble(Double::doubleValue).toArray(), 50);
  }

  /** Highest minus lowest, in percent of the median; 0 for fewer than two values. */
  public static double spreadPercent(List<Double> values) {
    if (values.size() < 2) {
      return 0;
    }
    double min = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    double max = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    return 100 * (max - min) / median(values);
  }

  /** The p-th percentile by nearest rank; sorts a copy. */
  public static double percentile(double[] values, double p) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    if (p == 50 && sorted.length % 2 == 0) {
      return (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /** The p-th percentile of values already sorted ascending, by nearest rank. */
  public static long percentileOfSorted(long[] sorted, double p) {
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /** Least squares; with one point, a line through the origin. */
  public static Line fit(double[] x, double[] y) {
    int n = x.length;
    if (n == 1) {
      return new Line(y[0] / x[0], 0, 1);
    }
    double mx = Arrays.stream(x).average().orElse(0);
    double my = Arrays.stream(y).average().orElse(0);
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    double slope = sxx == 0 ? 0 : sxy / sxx;
    double r2 = syy == 0 || sxx == 0 ? 1 : (sxy * sxy) / (sxx * syy);
    return new Line(slope, my - slope * mx, r2);
  }
}
