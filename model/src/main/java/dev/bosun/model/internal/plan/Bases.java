package dev.bosun.model.internal.plan;

import java.util.HashMap;
import java.util.Map;

/**
 * Operating system bases and series as Juju 3.x names them: a base is {@code ubuntu@22.04/stable}
 * (name, version and risk), a series is the older code name such as {@code jammy}.
 */
public final class Bases {
  private static final Map<String, String> SERIES_TO_BASE = new HashMap<>();
  private static final Map<String, String> BASE_TO_SERIES = new HashMap<>();

  static {
    String[][] table = {
      {"precise", "ubuntu@12.04"},
      {"trusty", "ubuntu@14.04"},
      {"xenial", "ubuntu@16.04"},
      {"bionic", "ubuntu@18.04"},
      {"focal", "ubuntu@20.04"},
      {"groovy", "ubuntu@20.10"},
      {"hirsute", "ubuntu@21.04"},
      {"impish", "ubuntu@21.10"},
      {"jammy", "ubuntu@22.04"},
      {"kinetic", "ubuntu@22.10"},
      {"lunar", "ubuntu@23.04"},
      {"mantic", "ubuntu@23.10"},
      {"noble", "ubuntu@24.04"},
      {"oracular", "ubuntu@24.10"},
      {"plucky", "ubuntu@25.04"},
      {"centos7", "centos@7"},
      {"centos8", "centos@8"},
      {"centos9", "centos@9"},
    };
    for (String[] row : table) {
      SERIES_TO_BASE.put(row[0], row[1]);
      BASE_TO_SERIES.put(row[1], row[0]);
    }
  }

  private Bases() {}

  /**
   * Returns the canonical target of a base or series: a base with its risk ({@code
   * ubuntu@22.04/stable}) when the base is given or the series is known, else the series as given,
   * else the empty string.
   */
  public static String canonical(String base, String series) {
    if (base != null && !base.isEmpty()) {
      return base.indexOf('/') >= 0 ? base : base + "/stable";
    }
    if (series != null && !series.isEmpty()) {
      String known = SERIES_TO_BASE.get(series);
      return known == null ? series : known + "/stable";
    }
    return "";
  }

  /** Whether a canonical target names a base ({@code name@version}) rather than a series. */
  public static boolean isBase(String target) {
    return target.indexOf('@') >= 0;
  }

  /**
   * Returns the series of a base or series ({@code ubuntu@22.04/stable} gives {@code jammy}), or
   * the empty string when it has none.
   */
  public static String series(String base, String series) {
    if (series != null && !series.isEmpty()) {
      return series;
    }
    if (base == null || base.isEmpty()) {
      return "";
    }
    int slash = base.indexOf('/');
    String bare = slash < 0 ? base : base.substring(0, slash);
    return BASE_TO_SERIES.getOrDefault(bare, "");
  }
}
