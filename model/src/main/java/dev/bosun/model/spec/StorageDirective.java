package dev.bosun.model.spec;

import dev.bosun.model.BosunException;
import java.util.regex.Pattern;

/**
 * A storage directive as in {@code juju deploy --storage}: a comma-separated pool, size and count
 * in any order, for example {@code ebs,10G,1}.
 *
 * @param pool the storage pool, or null for the default
 * @param sizeMib the minimum size in MiB, or null for the charm's minimum
 * @param count how many instances, or null for 1
 */
public record StorageDirective(String pool, Long sizeMib, Long count) {

  private static final Pattern POOL = Pattern.compile("^[a-zA-Z]+[-?a-zA-Z0-9]*$");
  private static final Pattern COUNT = Pattern.compile("^-?[0-9]+$");
  private static final Pattern SIZE = Pattern.compile("^(\\d+(?:\\.\\d+)?)([MGTPEZY])?i?B?$");

  /**
   * Parses a storage directive.
   *
   * @throws BosunException when an element is neither a pool name, a size nor a count, or is
   *     repeated
   */
  public static StorageDirective parse(String text) {
    String pool = null;
    Long size = null;
    Long count = null;
    for (String field : text.split(",", -1)) {
      if (field.isEmpty()) {
        continue;
      }
      if (COUNT.matcher(field).matches()) {
        if (count != null) {
          throw new BosunException("storage instance count already specified");
        }
        long value = Long.parseLong(field);
        if (value <= 0) {
          throw new BosunException("count must be greater than zero, got \"" + field + "\"");
        }
        count = value;
      } else if (SIZE.matcher(field).matches()) {
        if (size != null) {
          throw new BosunException("storage size already specified");
        }
        size = parseSize(field);
      } else if (POOL.matcher(field).matches()) {
        if (pool != null) {
          throw new BosunException("pool name is already set");
        }
        pool = field;
      } else {
        throw new BosunException("unrecognized storage constraint \"" + field + "\"");
      }
    }
    if (pool == null && size == null && count == null) {
      throw new BosunException("storage directive \"" + text + "\" is empty");
    }
    return new StorageDirective(pool, size, count);
  }

  private static long parseSize(String field) {
    var m = SIZE.matcher(field);
    if (!m.matches()) {
      throw new BosunException("invalid size \"" + field + "\"");
    }
    double value = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "M" : m.group(2);
    int power = "MGTPEZY".indexOf(unit);
    return (long) Math.ceil(value * Math.pow(1024, power));
  }

  /** Returns the canonical directive: pool, size in MiB ({@code 10240M}), count. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    if (pool != null) {
      text.append(pool);
    }
    if (sizeMib != null) {
      text.append(text.isEmpty() ? "" : ",").append(sizeMib).append('M');
    }
    if (count != null) {
      text.append(text.isEmpty() ? "" : ",").append(count);
    }
    return text.toString();
  }
}
