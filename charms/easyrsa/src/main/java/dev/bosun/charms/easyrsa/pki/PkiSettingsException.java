package dev.bosun.charms.easyrsa.pki;

import dev.bosun.model.Problem;
import dev.bosun.model.ValidationException;
import java.util.List;

/** Thrown when the charm's configuration does not describe a usable certificate authority. */
public class PkiSettingsException extends ValidationException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with every problem found. */
  public PkiSettingsException(List<Problem> problems) {
    super("the certificate authority configuration has the following errors:", problems);
  }
}
