package dev.bosun.runtime.substrate.local;

import java.util.BitSet;

/**
 * The loopback addresses machines get, one each: handed out in order from the first host address of
 * the range, skipping those ending in {@code .0} or {@code .255}, never handing out an address that
 * is allocated, and wrapping around to released ones only when the end of the range is reached. Not
 * thread-safe: the substrate allocates under its lock.
 */
final class AddressRange {
  private final String cidr;
  private final int network;
  private final int size;
  private final BitSet allocated = new BitSet();
  private int next = 1;

  private AddressRange(String cidr, int network, int size) {
    this.cidr = cidr;
    this.network = network;
    this.size = size;
  }

  /**
   * Parses a range such as {@code 127.77.0.0/16}.
   *
   * @throws IllegalArgumentException when it is not a CIDR range inside the loopback network {@code
   *     127.0.0.0/8} with room for at least two machines
   */
  static AddressRange parse(String cidr) {
    String[] parts = cidr.split("/", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException(
          "address range " + cidr + " must be a CIDR range such as 127.77.0.0/16");
    }
    int prefix;
    try {
      prefix = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "address range " + cidr + " must be a CIDR range such as 127.77.0.0/16");
    }
    int address = parseAddress(parts[0], cidr);
    if (prefix < 8 || prefix > 29 || (address >>> 24) != 127) {
      throw new IllegalArgumentException(
          "address range "
              + cidr
              + " must lie inside the loopback network 127.0.0.0/8 with a prefix between 8 and 29");
    }
    int mask = (int) (0xFFFFFFFFL << (32 - prefix));
    return new AddressRange(cidr, address & mask, 1 << (32 - prefix));
  }

  private static int parseAddress(String text, String cidr) {
    String[] octets = text.split("\\.", -1);
    if (octets.length != 4) {
      throw new IllegalArgumentException("address range " + cidr + " has no IPv4 address");
    }
    int address = 0;
    for (String octet : octets) {
      int value;
      try {
        value = Integer.parseInt(octet);
      } catch (NumberFormatException e) {
        value = -1;
      }
      if (value < 0 || value > 255) {
        throw new IllegalArgumentException("address range " + cidr + " has no IPv4 address");
      }
      address = (address << 8) | value;
    }
    return address;
  }

  /** Records an address already allocated (a machine re-adopted from disk). */
  void markAllocated(String address) {
    int index = indexOf(address);
    if (index < 0) {
      throw new IllegalArgumentException("address " + address + " is not in " + cidr);
    }
    allocated.set(index);
    next = Math.max(next, index + 1);
  }

  /** Whether an address lies in the range and is allocated. */
  boolean isAllocated(String address) {
    int index = indexOf(address);
    return index >= 0 && allocated.get(index);
  }

  /**
   * Allocates the next free address.
   *
   * @return the address, or null when every address of the range is allocated
   */
  String allocate() {
    int index = findFree(next, size - 1);
    if (index < 0) {
      index = findFree(1, next);
    }
    if (index < 0) {
      return null;
    }
    allocated.set(index);
    next = index + 1;
    return format(network + index);
  }

  /** Frees an allocated address; it is handed out again only after the range wraps around. */
  void free(String address) {
    int index = indexOf(address);
    if (index >= 0) {
      allocated.clear(index);
    }
  }

  /** Returns the range as given, for example {@code 127.77.0.0/16}. */
  String cidr() {
    return cidr;
  }

  private int findFree(int from, int to) {
    for (int index = allocated.nextClearBit(from); index < to; ) {
      int low = (network + index) & 0xFF;
      if (low != 0 && low != 255) {
        return index;
      }
      index = allocated.nextClearBit(index + 1);
    }
    return -1;
  }

  private int indexOf(String address) {
    int value;
    try {
      value = parseAddress(address, cidr);
    } catch (IllegalArgumentException e) {
      return -1;
    }
    int index = value - network;
    return index > 0 && index < size - 1 ? index : -1;
  }

  private static String format(int address) {
    return (address >>> 24)
        + "."
        + ((address >>> 16) & 0xFF)
        + "."
        + ((address >>> 8) & 0xFF)
        + "."
        + (address & 0xFF);
  }
}
