package dev.bosun.interfaces.internal;

import dev.bosun.interfaces.InvalidInterfaceDataException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Structural checks of PEM text carried in relation data: the block labels, that every body is
 * base64, and that no private key is ever among them. The cryptographic meaning is checked by the
 * charms that use the values; this class needs no crypto library.
 *
 * <p>Messages describe blocks by their labels only and never repeat a value.
 */
public final class PemText {
  private static final Pattern BLOCK =
      Pattern.compile(
          "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)\\s*-----END ([A-Z0-9 ]+)-----");
  private static final Pattern ANY_BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----");
  private static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN [A-Z0-9 ]*PRIVATE KEY");

  /** Labels of a certificate signing request (PKCS#10), as written by OpenSSL and others. */
  public static final Set<String> CSR_LABELS =
      Set.of("CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST");

  /** The label of an X.509 certificate. */
  public static final String CERTIFICATE_LABEL = "CERTIFICATE";

  private PemText() {}

  /** One PEM block: its label and its decoded body. */
  public record Block(String label, byte[] der) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Block block
          && label.equals(block.label)
          && Arrays.equals(der, block.der);
    }

    @Override
    public int hashCode() {
      return 31 * label.hashCode() + Arrays.hashCode(der);
    }

    @Override
    public String toString() {
      return "Block[" + label + ", " + der.length + " bytes]";
    }
  }

  /** Whether the text holds anything that looks like a PEM private key block, of any kind. */
  public static boolean containsPrivateKey(String text) {
    return text != null && PRIVATE_KEY.matcher(text).find();
  }

  /**
   * Parses every PEM block in the text.
   *
   * @param field the field name used in messages
   * @throws InvalidInterfaceDataException when the text holds a private key, no block, a block
   *     whose END label differs from its BEGIN label, or a body that is not base64
   */
  public static List<Block> blocks(String field, String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInterfaceDataException(field, "must be PEM text, but is empty");
    }
    if (containsPrivateKey(text)) {
      throw new InvalidInterfaceDataException(
          field,
          "holds a PRIVATE KEY block; private keys must never be sent in relation data"
              + " (the value is not shown)");
    }
    List<Block> blocks = new ArrayList<>();
    Matcher matcher = BLOCK.matcher(text);
    int begins = 0;
    Matcher begin = ANY_BEGIN.matcher(text);
    while (begin.find()) {
      begins++;
    }
    while (matcher.find()) {
      String label = matcher.group(1);
      if (!label.equals(matcher.group(3))) {
        throw new InvalidInterfaceDataException(
            field, "PEM block \"BEGIN " + label + "\" ends with \"END " + matcher.group(3) + "\"");
      }
      byte[] der;
      try {
        der = Base64.getMimeDecoder().decode(matcher.group(2));
      } catch (IllegalArgumentException e) {
        throw new InvalidInterfaceDataException(
            field, "the body of PEM block \"" + label + "\" is not base64");
      }
      if (der.length == 0) {
        throw new InvalidInterfaceDataException(field, "PEM block \"" + label + "\" is empty");
      }
      blocks.add(new Block(label, der));
    }
    if (blocks.size() != begins) {
      throw new InvalidInterfaceDataException(
          field, "holds a PEM block that is not terminated or whose body is not base64");
    }
    if (blocks.isEmpty()) {
      throw new InvalidInterfaceDataException(field, "must be PEM text, but holds no PEM block");
    }
    return List.copyOf(blocks);
  }

  /**
   * Checks that the text is one or more PEM certificates and nothing else.
   *
   * @return the text unchanged
   * @throws InvalidInterfaceDataException naming the field when it is not
   */
  public static String requireCertificates(String field, String text) {
    for (Block block : blocks(field, text)) {
      if (!block.label().equals(CERTIFICATE_LABEL)) {
        throw new InvalidInterfaceDataException(
            field,
            "must hold only PEM \"CERTIFICATE\" blocks, but holds a \"" + block.label() + "\"");
      }
    }
    return text;
  }

  /**
   * Checks that the text is exactly one PEM certificate signing request.
   *
   * @return the text unchanged
   * @throws InvalidInterfaceDataException naming the field when it is not
   */
  public static String requireCsr(String field, String text) {
    List<Block> blocks = blocks(field, text);
    if (blocks.size() != 1 || !CSR_LABELS.contains(blocks.get(0).label())) {
      throw new InvalidInterfaceDataException(
          field,
          "must be one PEM \"CERTIFICATE REQUEST\" block, but holds "
              + blocks.stream().map(b -> "\"" + b.label() + "\"").toList());
    }
    return text;
  }

  /**
   * Whether two PEM texts hold the same first certificate (the same DER bytes), whatever their line
   * breaks. False when either holds no certificate.
   */
  public static boolean sameCertificate(String first, String second) {
    try {
      return Arrays.equals(firstCertificate(first), firstCertificate(second));
    } catch (InvalidInterfaceDataException e) {
      return false;
    }
  }

  private static byte[] firstCertificate(String text) {
    for (Block block : blocks("certificate", text)) {
      if (block.label().equals(CERTIFICATE_LABEL)) {
        return block.der();
      }
    }
    throw new InvalidInterfaceDataException("certificate", "holds no certificate");
  }

  /** Returns the text without whitespace, so two encodings of the same PEM compare equal. */
  public static String withoutWhitespace(String text) {
    return text.replaceAll("\\s+", "");
  }

  /**
   * Describes a PEM value for {@code toString()}: its labels and length, never its content (a
   * record's text form ends up in logs).
   */
  public static String describe(String text) {
    if (text == null) {
      return "null";
    }
    List<String> labels = new ArrayList<>();
    Matcher begin = ANY_BEGIN.matcher(text);
    while (begin.find()) {
      labels.add(begin.group(1));
    }
    return "<PEM " + String.join(" + ", labels) + ", " + text.length() + " chars>";
  }
}
