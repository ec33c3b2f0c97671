package dev.bosun.model.internal.validation;

import com.google.common.net.InetAddresses;
import dev.bosun.model.charm.CharmReferences;
import dev.bosun.model.internal.GoFormat;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small grammars bundle verification checks values against: series, bases, charm URLs, offer
 * URLs, CIDRs, storage and device names, device directives and Kubernetes node selectors. Each
 * check returns null when the value is valid, else the reason in Juju's words.
 */
public final class Syntax {
  private static final Pattern SERIES = Pattern.compile("^[a-z]+([a-z0-9]+)?$");
  private static final Pattern BASE =
      Pattern.compile(
          "^[a-z][a-z0-9-]*@[a-z0-9][a-z0-9.]*(?:/(?:stable|candidate|beta|edge)(?:/[a-z0-9.-]+)?)?$");
  private static final Pattern NAME =
      Pattern.compile("^[a-z][a-z0-9]*(?:-[a-z0-9]*[a-z][a-z0-9]*)*$");
  private static final Pattern CHARM_NAME =
      Pattern.compile("^[a-z][a-z0-9]*(?:-[a-z0-9]*[a-z][a-z0-9]*)*$");
  private static final Pattern REVISION_SUFFIX = Pattern.compile("^(.*)-([0-9]+)$");
  private static final Pattern USER = Pattern.compile("^~[a-z0-9][a-zA-Z0-9+.-]*$");
  private static final Pattern MODEL = Pattern.compile("^[a-z0-9]+[a-z0-9-]*$");
  private static final Pattern DEVICE_TYPE =
      Pattern.compile("^[a-z0-9][a-z0-9.-]*(?:/[a-z0-9][a-z0-9.-]*)?$");
  private static final Set<String> ARCHITECTURES =
      Set.of("amd64", "arm64", "ppc64el", "s390x", "riscv64", "i386", "armhf");

  private Syntax() {}

  /** Whether the text is a valid series name, such as {@code jammy}. */
  public static boolean isValidSeries(String series) {
    return SERIES.matcher(series).matches();
  }

  /**
   * Whether the text is a valid base, such as {@code ubuntu@22.04} or {@code ubuntu@22.04/stable}.
   */
  public static boolean isValidBase(String base) {
    return BASE.matcher(base).matches();
  }

  /** Whether the text is a valid storage or device name: an application-name-like word. */
  public static boolean isValidStorageName(String name) {
    return NAME.matcher(name).matches();
  }

  /**
   * A charm store reference broken into parts.
   *
   * @param schema {@code ch}, {@code cs} or {@code local}
   * @param series the series in the URL, or null
   * @param revision the revision in the URL, or -1
   * @param canonical the URL with its schema, as Juju prints it ({@code ch:wordpress-9})
   */
  public record CharmUrl(String schema, String series, int revision, String canonical) {

    /** Whether the charm comes from Charmhub. */
    public boolean isCharmhub() {
      return "ch".equals(schema);
    }
  }

  /**
   * Parses a charm URL ({@code etcd}, {@code ch:etcd}, {@code ch:amd64/jammy/etcd-42}, {@code
   * cs:~containers/xenial/etcd-449}, {@code local:etcd}).
   *
   * @throws IllegalArgumentException with Juju's reason when the URL is not valid
   */
  public static CharmUrl parseCharmUrl(String reference) {
    String schema = "ch";
    String rest = reference;
    int colon = reference.indexOf(':');
    if (colon >= 0) {
      schema = reference.substring(0, colon);
      rest = reference.substring(colon + 1);
      if (!schema.equals("ch") && !schema.equals("cs") && !schema.equals("local")) {
        throw new IllegalArgumentException(
            "cannot parse URL "
                + GoFormat.quote(reference)
                + ": schema "
                + GoFormat.quote(schema)
                + " not valid");
      }
    }
    String[] parts = rest.split("/", -1);
    int first = 0;
    if (parts.length > 1 && parts[0].startsWith("~")) {
      if (!schema.equals("cs") || !USER.matcher(parts[0]).matches()) {
        throw new IllegalArgumentException(
            "cannot parse URL " + GoFormat.quote(reference) + ": user name not valid");
      }
      first = 1;
    }
    String series = null;
    int prefixes = parts.length - 1 - first;
    if (prefixes > 2 || (prefixes == 2 && !schema.equals("ch"))) {
      throw new IllegalArgumentException(
          "cannot parse URL " + GoFormat.quote(reference) + ": too many path segments");
    }
    if (prefixes == 2) {
      if (!ARCHITECTURES.contains(parts[first])) {
        throw new IllegalArgumentException(
            "cannot parse URL "
                + GoFormat.quote(reference)
                + ": architecture "
                + GoFormat.quote(parts[first])
                + " not valid");
      }
      series = parts[first + 1];
    } else if (prefixes == 1 && !(schema.equals("ch") && ARCHITECTURES.contains(parts[first]))) {
      series = parts[first];
    }
    if (series != null && !isValidSeries(series)) {
      throw new IllegalArgumentException(
          "cannot parse URL "
              + GoFormat.quote(reference)
              + ": series name "
              + GoFormat.quote(series)
              + " not valid");
    }
    String last = parts[parts.length - 1];
    int revision = -1;
    String name = last;
    Matcher m = REVISION_SUFFIX.matcher(last);
    if (m.matches() && CHARM_NAME.matcher(m.group(1)).matches()) {
      name = m.group(1);
      try {
        revision = Integer.parseInt(m.group(2));
      } catch (NumberFormatException e) {
        name = last;
      }
    }
    if (!CHARM_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "cannot parse name and/or revision in URL "
              + GoFormat.quote(reference)
              + ": name "
              + GoFormat.quote(name)
              + " not valid");
    }
    String canonical = colon >= 0 ? reference : schema + ":" + reference;
    return new CharmUrl(schema, series, revision, canonical);
  }

  /** Whether a charm reference is a local path. */
  public static boolean isLocalPath(String reference) {
    return CharmReferences.isLocalPath(reference);
  }

  /**
   * Checks an offer URL, {@code [<controller>:][<qualifier>/]<model>.<application>}; returns the
   * reason it is not valid, or null.
   */
  public static String checkOfferUrl(String url) {
    if (url.startsWith(":")) {
      return "application offer URL has invalid form";
    }
    String rest = url;
    int colon = rest.indexOf(':');
    if (colon >= 0) {
      rest = rest.substring(colon + 1);
    }
    int slash = rest.indexOf('/');
    if (slash >= 0) {
      if (slash == 0) {
        return "application offer URL has invalid form";
      }
      rest = rest.substring(slash + 1);
    }
    int dot = rest.indexOf('.');
    if (dot < 0) {
      return "application offer URL is missing application";
    }
    String model = rest.substring(0, dot);
    String application = rest.substring(dot + 1);
    if (model.isEmpty()) {
      return "application offer URL is missing model";
    }
    if (application.isEmpty()) {
      return "application offer URL is missing application";
    }
    if (model.contains("/") || application.contains("/") || !MODEL.matcher(model).matches()) {
      return "model name " + GoFormat.quote(model) + " not valid";
    }
    if (!NAME.matcher(application).matches()) {
      return "application name " + GoFormat.quote(application) + " not valid";
    }
    return null;
  }

  /** Whether the text is a CIDR as Go's {@code net.ParseCIDR} accepts it. */
  public static boolean isValidCidr(String cidr) {
    int slash = cidr.indexOf('/');
    if (slash <= 0 || slash == cidr.length() - 1) {
      return false;
    }
    String address = cidr.substring(0, slash);
    String bits = cidr.substring(slash + 1);
    if (!bits.chars().allMatch(Character::isDigit) || bits.length() > 3) {
      return false;
    }
    if (!InetAddresses.isInetAddress(address) || address.contains("%")) {
      return false;
    }
    int prefix = Integer.parseInt(bits);
    return prefix <= (address.contains(":") ? 128 : 32);
  }

  /**
   * Checks a device directive, {@code [<count>,]<type>[,<key>=<value>;...]}; returns the reason it
   * is not valid, or null.
   */
  public static String checkDevice(String directive) {
    String[] fields = directive.split(",", -1);
    if (fields.length > 3 || directive.isEmpty()) {
      return "count and type must be specified";
    }
    int index = 0;
    if (fields[0].chars().allMatch(Character::isDigit) && !fields[0].isEmpty()) {
      long count;
      try {
        count = Long.parseLong(fields[0]);
      } catch (NumberFormatException e) {
        count = 0;
      }
      if (count <= 0) {
        return "count must be greater than zero, got " + GoFormat.quote(fields[0]);
      }
      index = 1;
    }
    if (index >= fields.length || !DEVICE_TYPE.matcher(fields[index]).matches()) {
      return "invalid device type " + GoFormat.quote(index < fields.length ? fields[index] : "");
    }
    index++;
    if (index < fields.length) {
      for (String pair : fields[index].split(";", -1)) {
        int eq = pair.indexOf('=');
        if (eq <= 0 || eq == pair.length() - 1) {
          return "device attribute key/value pair has bad format: " + GoFormat.quote(pair);
        }
      }
      index++;
    }
    if (index < fields.length) {
      return "count and type must be specified";
    }
    return null;
  }

  /**
   * Checks a Kubernetes node selector, {@code key=value[,key=value]}, as Juju's {@code
   * keyvalues.Parse}; returns the reason it is not valid, or null.
   */
  public static String checkNodeSelector(String selector) {
    Set<String> keys = new HashSet<>();
    for (String pair : selector.split(",", -1)) {
      int eq = pair.indexOf('=');
      if (eq < 0) {
        return "expected \"key=value\", got " + GoFormat.quote(pair);
      }
      String key = pair.substring(0, eq).trim();
      String value = pair.substring(eq + 1).trim();
      if (key.isEmpty() || value.isEmpty()) {
        return "expected \"key=value\", got \"" + key + "=" + value + "\"";
      }
      if (!keys.add(key)) {
        return "key " + GoFormat.quote(key) + " specified more than once";
      }
    }
    return null;
  }
}
