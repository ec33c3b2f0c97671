package dev.bosun.model.spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Hardware and placement constraints for machines, parsed from Juju's constraint language: {@code
 * key=value} pairs separated by spaces, for example {@code cores=2 mem=8G root-disk=16G}.
 *
 * <p>Sizes ({@code mem}, {@code root-disk}) are held in MiB; a suffix {@code M}, {@code G}, {@code
 * T} or {@code P} multiplies by powers of 1024, and fractions round up. {@code cpu-cores} is an
 * alias of {@code cores}. {@link #toString()} renders the canonical form, which parses back to an
 * equal value:
 *
 * <pre>{@code
 * Constraints.parse("mem=8G cpu-cores=2").toString()   // "cores=2 mem=8192M"
 * }</pre>
 *
 * <p>Every component is null when not constrained.
 *
 * @param arch the architecture ({@code amd64}, {@code arm64}, {@code ppc64el}, {@code s390x},
 *     {@code riscv64}), or empty for any
 * @param container the container type ({@code lxd}, {@code kvm}, {@code none})
 * @param cores the minimum number of cores
 * @param cpuPower the minimum CPU power (100 = one 2007 Xeon core)
 * @param nestedVirtualization whether nested virtualisation is required
 * @param instanceRole the cloud instance role
 * @param instanceType the cloud instance type
 * @param mem the minimum memory in MiB
 * @param rootDisk the minimum root disk in MiB
 * @param rootDiskSource where the root disk comes from
 * @param tags tags the machine must have
 * @param spaces network spaces, {@code ^name} to exclude one
 * @param virtType the virtualisation type
 * @param zones availability zones to choose from
 * @param allocatePublicIp whether to allocate a public address
 * @param imageId the image to boot
 */
public record Constraints(
    String arch,
    String container,
    Long cores,
    Long cpuPower,
    Boolean nestedVirtualization,
    String instanceRole,
    String instanceType,
    Long mem,
    Long rootDisk,
    String rootDiskSource,
    List<String> tags,
    List<String> spaces,
    String virtType,
    List<String> zones,
    Boolean allocatePublicIp,
    String imageId) {

  /** No constraints. */
  public static final Constraints NONE =
      new Constraints(
          null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
          null);

  private static final Set<String> ARCHITECTURES =
      Set.of("amd64", "arm64", "ppc64el", "s390x", "riscv64");
  private static final Set<String> CONTAINER_TYPES = Set.of("none", "lxd", "kvm");
  private static final Pattern SPACE_NAME = Pattern.compile("^[a-z0-9]+(?:-[a-z0-9]+)*$");

  /** Copies the lists so the value is immutable. */
  public Constraints {
    tags = tags == null ? null : List.copyOf(tags);
    spaces = spaces == null ? null : List.copyOf(spaces);
    zones = zones == null ? null : List.copyOf(zones);
  }

  /**
   * Parses Juju's constraint language.
   *
   * @param text {@code key=value} pairs separated by spaces; {@code \ } escapes a space in a value
   * @return the constraints; {@link #NONE} for blank text
   * @throws ConstraintsException with Juju's message when a pair is malformed, a key unknown or
   *     repeated, or a value invalid
   */
  public static Constraints parse(String text) {
    Builder builder = new Builder(text);
    String escaped = text.replace("\\ ", "\u0000");
    for (String raw : escaped.trim().split(" ")) {
      raw = raw.replace('\u0000', ' ').trim();
      if (raw.isEmpty()) {
        continue;
      }
      int eq = raw.indexOf('=');
      if (eq <= 0) {
        throw new ConstraintsException(text, "malformed constraint " + quote(raw));
      }
      builder.set(raw.substring(0, eq), raw.substring(eq + 1));
    }
    return builder.build();
  }

  /** Whether nothing is constrained. */
  public boolean isEmpty() {
    return toString().isEmpty();
  }

  /** Returns the canonical constraint string, in Juju's key order, or an empty string. */
  @Override
  public String toString() {
    List<String> pairs = new ArrayList<>();
    add(pairs, "arch", arch);
    add(pairs, "container", container);
    add(pairs, "cores", number(cores));
    add(pairs, "cpu-power", number(cpuPower));
    add(pairs, "nested-virtualization", nestedVirtualization);
    add(pairs, "instance-role", instanceRole);
    add(pairs, "instance-type", instanceType);
    add(pairs, "mem", size(mem));
    add(pairs, "root-disk", size(rootDisk));
    add(pairs, "root-disk-source", rootDiskSource);
    add(pairs, "tags", list(tags));
    add(pairs, "spaces", list(spaces));
    add(pairs, "virt-type", virtType);
    add(pairs, "zones", list(zones));
    add(pairs, "allocate-public-ip", allocatePublicIp);
    add(pairs, "image-id", imageId);
    return String.join(" ", pairs);
  }

  private static void add(List<String> pairs, String key, Object value) {
    if (value != null) {
      pairs.add((key + "=" + value).replace(" ", "\\ "));
    }
  }

  private static String number(Long value) {
    return value == null ? null : value == 0 ? "" : Long.toString(value);
  }

  private static String size(Long value) {
    return value == null ? null : value == 0 ? "" : value + "M";
  }

  private static String list(List<String> values) {
    return values == null ? null : String.join(",", values);
  }

  private static String quote(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  /** Accumulates parsed pairs; every key may be set once. */
  private static final class Builder {
    private final String text;
    private final Object[] values = new Object[16];

    Builder(String text) {
      this.text = text;
    }

    void set(String name, String value) {
      String canonical = name.equals("cpu-cores") ? "cores" : name;
      int index =
          switch (canonical) {
            case "arch" -> 0;
            case "container" -> 1;
            case "cores" -> 2;
            case "cpu-power" -> 3;
            case "nested-virtualization" -> 4;
            case "instance-role" -> 5;
            case "instance-type" -> 6;
            case "mem" -> 7;
            case "root-disk" -> 8;
            case "root-disk-source" -> 9;
            case "tags" -> 10;
            case "spaces" -> 11;
            case "virt-type" -> 12;
            case "zones" -> 13;
            case "allocate-public-ip" -> 14;
            case "image-id" -> 15;
            default -> throw new ConstraintsException(text, "unknown constraint " + quote(name));
          };
      if (index == 14 && value.isEmpty()) {
        return; // Juju ignores an empty allocate-public-ip.
      }
      if (values[index] != null) {
        throw bad(name, "already set");
      }
      values[index] =
          switch (index) {
            case 0 -> {
              if (!value.isEmpty() && !ARCHITECTURES.contains(value)) {
                throw bad(name, quote(value) + " not recognized");
              }
              yield value;
            }
            case 1 -> {
              if (!value.isEmpty() && !CONTAINER_TYPES.contains(value)) {
                throw bad(name, "invalid container type " + quote(value));
              }
              yield value;
            }
            case 2, 3 -> parseUnsigned(name, value);
            case 4, 14 -> parseBool(name, value);
            case 7, 8 -> parseSize(name, value);
            case 10, 13 -> commaList(value);
            case 11 -> {
              List<String> spaces = commaList(value);
              for (String space : spaces) {
                String bare = space.startsWith("^") ? space.substring(1) : space;
                if (!SPACE_NAME.matcher(bare).matches()) {
                  throw bad(name, quote(bare) + " is not a valid space name");
                }
              }
              yield spaces;
            }
            default -> value;
          };
    }

    @SuppressWarnings("unchecked")
    Constraints build() {
      return new Constraints(
          (String) values[0],
          (String) values[1],
          (Long) values[2],
          (Long) values[3],
          (Boolean) values[4],
          (String) values[5],
          (String) values[6],
          (Long) values[7],
          (Long) values[8],
          (String) values[9],
          (List<String>) values[10],
          (List<String>) values[11],
          (String) values[12],
          (List<String>) values[13],
          (Boolean) values[14],
          (String) values[15]);
    }

    private ConstraintsException bad(String name, String detail) {
      return new ConstraintsException(text, "bad " + quote(name) + " constraint: " + detail);
    }

    private Long parseUnsigned(String name, String value) {
      if (value.isEmpty()) {
        return 0L;
      }
      try {
        long parsed = Long.parseUnsignedLong(value);
        if (parsed < 0 || value.startsWith("+")) {
          throw new NumberFormatException(value);
        }
        return parsed;
      } catch (NumberFormatException e) {
        throw bad(name, "must be a non-negative integer");
      }
    }

    private Boolean parseBool(String name, String value) {
      if (value.isEmpty()) {
        return Boolean.FALSE;
      }
      return switch (value) {
        case "1", "t", "T", "TRUE", "true", "True" -> Boolean.TRUE;
        case "0", "f", "F", "FALSE", "false", "False" -> Boolean.FALSE;
        default -> throw bad(name, "must be 'true' or 'false'");
      };
    }

    private Long parseSize(String name, String value) {
      if (value.isEmpty()) {
        return 0L;
      }
      double multiplier = 1;
      String number = value;
      switch (value.charAt(value.length() - 1)) {
        case 'M' -> number = value.substring(0, value.length() - 1);
        case 'G' -> {
          number = value.substring(0, value.length() - 1);
          multiplier = 1024;
        }
        case 'T' -> {
          number = value.substring(0, value.length() - 1);
          multiplier = 1024.0 * 1024;
        }
        case 'P' -> {
          number = value.substring(0, value.length() - 1);
          multiplier = 1024.0 * 1024 * 1024;
        }
        default -> {}
      }
      try {
        if (!number.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
          throw new NumberFormatException(number);
        }
        double parsed = Double.parseDouble(number);
        if (parsed < 0) {
          throw new NumberFormatException(number);
        }
        return (long) Math.ceil(parsed * multiplier);
      } catch (NumberFormatException e) {
        throw bad(name, "must be a non-negative float with optional M/G/T/P suffix");
      }
    }

    private static List<String> commaList(String value) {
      return value.isEmpty() ? List.of() : Arrays.asList(value.split(",", -1));
    }
  }
}
