package dev.bosun.interfaces.internal;

import dev.bosun.interfaces.InvalidInterfaceDataException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Structural checks of PEM text carried in relation data: the block labels, that every body is
 * base64, and that no private key is ever among them. The cryptographic meaning is checked by the
 * charms that use the values; this class needs no crypto library.
 *
 * <p>Messages describe blocks by their labels only and never repeat a value.
 */
public final class PemText {
  private static final String BEGIN = "-----BEGIN ";
  private static final String END = "-----END ";
  private static final String DASHES = "-----";

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

  /**
   * A PEM block as written in a text, before its body is decoded: what {@link #scan} finds.
   *
   * @param label the label of its {@code BEGIN} line
   * @param endLabel the label of its {@code END} line (a well-formed block repeats {@code label})
   * @param body the base64 body, whitespace included, without the whitespace around it
   * @param lineBreakAfterBegin whether a line break ({@code \n} or {@code \r\n}) follows the {@code
   *     BEGIN} line directly
   */
  public record Found(String label, String endLabel, String body, boolean lineBreakAfterBegin) {
    @Override
    public String toString() {
      return "Found[" + label + ", " + endLabel + ", " + body.length() + " chars]";
    }
  }

  /**
   * What a text holds: its blocks, and how many {@code BEGIN} lines it has in all (more than blocks
   * when a block is not terminated or its body is not base64).
   */
  public record Scan(List<Found> blocks, int begins) {}

  /**
   * Finds the PEM blocks of a text: each {@code -----BEGIN <label>-----} line (labels of capital
   * letters, digits and spaces), a body of base64 characters and whitespace, and {@code -----END
   * <label>-----}; text between blocks is skipped. Linear in the text's length (it runs on every
   * certificate of every relation record a hook reads).
   */
  public static Scan scan(String text) {
    List<Found> blocks = new ArrayList<>();
    int begins = 0;
    int from = 0;
    while (true) {
      int begin = text.indexOf(BEGIN, from);
      if (begin < 0) {
        return new Scan(List.copyOf(blocks), begins);
      }
      int labelStart = begin + BEGIN.length();
      int labelEnd = beginLineLabelEnd(text, begin);
      if (labelEnd < 0) {
        from = labelStart;
        continue;
      }
      begins++;
      int bodyStart = labelEnd + DASHES.length();
      int bodyEnd = bodyStart;
      while (bodyEnd < text.length() && isBodyCharacter(text.charAt(bodyEnd))) {
        bodyEnd++;
      }
      from = bodyEnd;
      if (!text.startsWith(END, bodyEnd)) {
        continue;
      }
      int endLabelStart = bodyEnd + END.length();
      int endLabelEnd = labelEnd(text, endLabelStart);
      if (endLabelEnd == endLabelStart || !text.startsWith(DASHES, endLabelEnd)) {
        continue;
      }
      boolean lineBreak = text.startsWith("\n", bodyStart) || text.startsWith("\r\n", bodyStart);
      blocks.add(
          new Found(
              text.substring(labelStart, labelEnd),
              text.substring(endLabelStart, endLabelEnd),
              text.substring(bodyStart, bodyEnd).strip(),
              lineBreak));
      from = endLabelEnd + DASHES.length();
    }
  }

  /**
   * Where the label ends of the {@code -----BEGIN <label>-----} line at {@code begin} (which starts
   * with {@code -----BEGIN }), or -1 when no label and closing dashes follow.
   */
  private static int beginLineLabelEnd(String text, int begin) {
    int labelStart = begin + BEGIN.length();
    int labelEnd = labelEnd(text, labelStart);
    return labelEnd > labelStart && text.startsWith(DASHES, labelEnd) ? labelEnd : -1;
  }

  private static int labelEnd(String text, int start) {
    int end = start;
    while (end < text.length() && isLabelCharacter(text.charAt(end))) {
      end++;
    }
    return end;
  }

  private static boolean isLabelCharacter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ';
  }

  private static boolean isBodyCharacter(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '+'
        || c == '/'
        || c == '='
        || isRegexWhitespace(c);
  }

  /** Whether the text holds anything that looks like a PEM private key block, of any kind. */
  public static boolean containsPrivateKey(String text) {
    if (text == null) {
      return false;
    }
    for (int begin = text.indexOf(BEGIN); begin >= 0; begin = text.indexOf(BEGIN, begin + 1)) {
      int labelStart = begin + BEGIN.length();
      if (text.substring(labelStart, labelEnd(text, labelStart)).contains("PRIVATE KEY")) {
        return true;
      }
    }
    return false;
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
    Scan scan = scan(text);
    for (Found found : scan.blocks()) {
      String label = found.label();
      if (!label.equals(found.endLabel())) {
        throw new InvalidInterfaceDataException(
            field, "PEM block \"BEGIN " + label + "\" ends with \"END " + found.endLabel() + "\"");
      }
      byte[] der;
      try {
        der = Base64.getMimeDecoder().decode(found.body());
      } catch (IllegalArgumentException e) {
        throw new InvalidInterfaceDataException(
            field, "the body of PEM block \"" + label + "\" is not base64");
      }
      if (der.length == 0) {
        throw new InvalidInterfaceDataException(field, "PEM block \"" + label + "\" is empty");
      }
      blocks.add(new Block(label, der));
    }
    if (blocks.size() != scan.begins()) {
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
    StringBuilder without = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isRegexWhitespace(c)) {
        without.append(c);
      }
    }
    return without.toString();
  }

  /** What {@code \s} matches in a Java regular expression: {@code [ \t\n\x0B\f\r]}. */
  private static boolean isRegexWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
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
    for (int begin = text.indexOf(BEGIN); begin >= 0; begin = text.indexOf(BEGIN, begin + 1)) {
      int labelEnd = beginLineLabelEnd(text, begin);
      if (labelEnd >= 0) {
        labels.add(text.substring(begin + BEGIN.length(), labelEnd));
      }
    }
    return "<PEM " + String.join(" + ", labels) + ", " + text.length() + " chars>";
  }
}
