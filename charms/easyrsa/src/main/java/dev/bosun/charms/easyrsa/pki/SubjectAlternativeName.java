package dev.bosun.charms.easyrsa.pki;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.util.IPAddress;

/**
 * One subject alternative name: an IP address when the text is an IPv4 or IPv6 literal, else a DNS
 * name — EasyRSA's {@code IP:} / {@code DNS:} rule (the charm tested {@code ipaddress.ip_address}).
 * Nothing is ever resolved.
 *
 * @param type IP or DNS
 * @param value the text as given
 */
public record SubjectAlternativeName(Type type, String value) {
  private static final Pattern IPV4 =
      Pattern.compile(
          "^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}"
              + "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$");

  /** The longest DNS name. */
  static final int MAX_DNS_LENGTH = 253;

  /** The kind of name. */
  public enum Type {
    /** An {@code iPAddress} name. */
    IP,
    /** A {@code dNSName}. */
    DNS
  }

  /** Checks the components (see {@link #of}). */
  public SubjectAlternativeName {
    requireNonNull(type, "type");
    requireNonNull(value, "value");
    if (type == Type.IP && !isIpAddress(value)) {
      throw new InvalidNameException(value, "\"" + value + "\" is not an IP address");
    }
    if (type == Type.DNS) {
      checkDns(value);
    }
  }

  /**
   * Returns {@code IP:<value>} when the text is an IP literal (IPv4 dotted quad without leading
   * zeros, or IPv6), else {@code DNS:<value>}.
   *
   * @throws InvalidNameException when a DNS name is empty, longer than 253 characters, or holds
   *     characters outside printable ASCII (spaces included)
   */
  public static SubjectAlternativeName of(String text) {
    requireNonNull(text, "text");
    return isIpAddress(text)
        ? new SubjectAlternativeName(Type.IP, text)
        : new SubjectAlternativeName(Type.DNS, text);
  }

  /** Whether the text is an IPv4 or IPv6 literal (no zone, no brackets, no prefix length). */
  public static boolean isIpAddress(String text) {
    return IPV4.matcher(text).matches() || (IPAddress.isValidIPv6(text) && text.indexOf('%') < 0);
  }

  private static void checkDns(String value) {
    if (value.isEmpty()) {
      throw new InvalidNameException(value, "a subject alternative name must not be empty");
    }
    if (value.length() > MAX_DNS_LENGTH) {
      throw new InvalidNameException(
          value, "DNS name has " + value.length() + " characters; at most " + MAX_DNS_LENGTH);
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= ' ' || c >= 0x7f) {
        throw new InvalidNameException(
            value,
            "DNS name \""
                + value.replaceAll("[^\\x21-\\x7e]", "?")
                + "\" holds a character that is not printable ASCII (spaces included)");
      }
    }
  }

  GeneralName toGeneralName() {
    if (type == Type.DNS) {
      return new GeneralName(GeneralName.dNSName, value);
    }
    try {
      return new GeneralName(
          GeneralName.iPAddress, new DEROctetString(InetAddress.getByName(value).getAddress()));
    } catch (UnknownHostException e) {
      throw new InvalidNameException(value, "\"" + value + "\" is not an IP address");
    }
  }

  /** Returns OpenSSL's form: {@code IP:10.0.0.1} or {@code DNS:etcd.example}. */
  @Override
  public String toString() {
    return type + ":" + value;
  }
}
