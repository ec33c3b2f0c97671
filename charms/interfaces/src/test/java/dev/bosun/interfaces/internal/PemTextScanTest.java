package dev.bosun.interfaces.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.bosun.interfaces.InvalidInterfaceDataException;
import dev.bosun.interfaces.TestPems;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * {@link PemText}'s scanner against the regular expressions it replaced, which stay here as the
 * oracle: on texts made of well-formed, broken and truncated blocks and text between them, both
 * find the same blocks, reject the same texts with the same message, and see the same private keys
 * and labels.
 */
class PemTextScanTest {
  private static final Pattern BLOCK =
      Pattern.compile(
          "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)\\s*-----END ([A-Z0-9 ]+)-----");
  private static final Pattern ANY_BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----");
  private static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN [A-Z0-9 ]*PRIVATE KEY");

  private static final String[] LABELS = {
    "CERTIFICATE", "CERTIFICATE REQUEST", "PRIVATE KEY", "EC PRIVATE KEY", "PUBLIC KEY", "X509 CRL"
  };

  @Test
  void findsWhatTheRegularExpressionsFound() {
    qt().withExamples(2000)
        .forAll(texts())
        .checkAssert(
            text -> {
              assertThat(outcome(() -> PemText.blocks("f", text)))
                  .as(text)
                  .isEqualTo(outcome(() -> oracleBlocks("f", text)));
              assertThat(PemText.containsPrivateKey(text))
                  .as(text)
                  .isEqualTo(PRIVATE_KEY.matcher(text).find());
              assertThat(PemText.describe(text)).as(text).isEqualTo(oracleDescribe(text));
              assertThat(PemText.withoutWhitespace(text)).isEqualTo(text.replaceAll("\\s+", ""));
            });
  }

  @Test
  void tellsWhetherALineBreakFollowsTheBeginLine() {
    String pem = TestPems.certificate(1);

    assertThat(PemText.scan(pem).blocks()).singleElement().matches(f -> f.lineBreakAfterBegin());
    assertThat(PemText.scan(pem.replace("\n", "\r\n")).blocks())
        .singleElement()
        .matches(f -> f.lineBreakAfterBegin());
    assertThat(PemText.scan(pem.replaceFirst("-----\n", "----- ")).blocks())
        .singleElement()
        .matches(f -> !f.lineBreakAfterBegin());
  }

  @Test
  void countsBeginLinesOfBlocksThatAreNotTerminated() {
    PemText.Scan scan =
        PemText.scan(TestPems.certificate(1) + "-----BEGIN CERTIFICATE-----\nAAAA\n");

    assertThat(scan.blocks()).hasSize(1);
    assertThat(scan.begins()).isEqualTo(2);
  }

  /** Texts of 0 to 5 fragments: blocks whole or broken, and text between them. */
  private static Gen<String> texts() {
    Gen<String> fragment =
        integers()
            .between(0, 9)
            .zip(integers().between(0, LABELS.length - 1), integers().all(), PemTextScanTest::part);
    return lists().of(fragment).ofSizeBetween(0, 5).map(parts -> String.join("", parts));
  }

  private static String part(int kind, int labelIndex, int seed) {
    String label = LABELS[labelIndex];
    String block = TestPems.block(label, seed, 1 + Math.floorMod(seed, 90));
    return switch (kind) {
      case 0 -> block;
      case 1 -> block.replace("\n", "\r\n");
      case 2 -> block.replace("-----END " + label, "-----END " + LABELS[(labelIndex + 1) % 6]);
      case 3 -> block.substring(0, block.length() / 2);
      case 4 -> block.replaceFirst("\n[A-Za-z]", "\n*");
      case 5 -> "some text between blocks\n";
      case 6 -> "  \t\n";
      case 7 -> block.replaceFirst("-----\n", "-----");
      case 8 -> "-----BEGIN lower-----\n";
      default -> "-----BEGIN " + label + "-----\n\n-----END " + label + "-----\n";
    };
  }

  /** What a call gave: its blocks, or the message it threw. */
  private static Object outcome(java.util.function.Supplier<List<PemText.Block>> call) {
    try {
      return call.get();
    } catch (InvalidInterfaceDataException e) {
      return e.getMessage();
    }
  }

  /** {@link PemText#blocks} as it was written with regular expressions. */
  private static List<PemText.Block> oracleBlocks(String field, String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInterfaceDataException(field, "must be PEM text, but is empty");
    }
    if (PRIVATE_KEY.matcher(text).find()) {
      throw new InvalidInterfaceDataException(
          field,
          "holds a PRIVATE KEY block; private keys must never be sent in relation data"
              + " (the value is not shown)");
    }
    List<PemText.Block> blocks = new ArrayList<>();
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
      blocks.add(new PemText.Block(label, der));
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

  private static String oracleDescribe(String text) {
    List<String> labels = new ArrayList<>();
    Matcher begin = ANY_BEGIN.matcher(text);
    while (begin.find()) {
      labels.add(begin.group(1));
    }
    return "<PEM " + String.join(" + ", labels) + ", " + text.length() + " chars>";
  }
}
