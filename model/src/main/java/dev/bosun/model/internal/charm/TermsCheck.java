package dev.bosun.model.internal.charm;

import dev.bosun.model.internal.GoFormat;
import java.util.regex.Pattern;

/**
 * Juju's {@code ParseTerm} and {@code TermsId.Validate}: a term is {@code
 * [tenant:][owner/]name[/revision]}, with Juju's messages ({@code wrong term name format %q},
 * {@code wrong owner format %q}, {@code negative term revision} ...).
 */
final class TermsCheck {
  private static final Pattern TERM_NAME = Pattern.compile("^[a-z](-?[a-z0-9]+)+$");
  private static final Pattern USER_NAME =
      Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9.+-]*[a-zA-Z0-9](?:@[a-zA-Z0-9.-]*)?$");

  private TermsCheck() {}

  /** Returns what is wrong with a term, in Juju's words, or null when it is valid. */
  static String error(String term) {
    String tenant = "";
    String id = term;
    int colon = term.indexOf(':');
    if (colon >= 0) {
      tenant = term.substring(0, colon);
      id = term.substring(colon + 1);
    }
    String[] tokens = id.split("/", -1);
    String owner = "";
    String name;
    long revision = 0;
    switch (tokens.length) {
      case 1 -> name = tokens[0];
      case 2 -> {
        Long parsed = GoStrconv.parseDecimalInt(tokens[1]);
        owner = parsed == null ? tokens[0] : "";
        name = parsed == null ? tokens[1] : tokens[0];
        revision = parsed == null ? 0 : parsed;
      }
      case 3 -> {
        Long parsed = GoStrconv.parseDecimalInt(tokens[2]);
        if (parsed == null) {
          return "invalid revision number "
              + GoFormat.quote(tokens[2])
              + " strconv.Atoi: parsing "
              + GoFormat.quote(tokens[2])
              + ": invalid syntax";
        }
        owner = tokens[0];
        name = tokens[1];
        revision = parsed;
      }
      default -> {
        return "unknown term id format " + GoFormat.quote(term);
      }
    }
    if (!tenant.isEmpty() && !tenant.equals("cs") && !TERM_NAME.matcher(tenant).matches()) {
      return "wrong term tenant format " + GoFormat.quote(tenant);
    }
    if (!owner.isEmpty() && !USER_NAME.matcher(owner).matches()) {
      return "wrong owner format " + GoFormat.quote(owner);
    }
    if (!TERM_NAME.matcher(name).matches()) {
      return "wrong term name format " + GoFormat.quote(name);
    }
    return revision < 0 ? "negative term revision" : null;
  }
}
