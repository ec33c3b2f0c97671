package dev.bosun.runtime.substrate.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AddressRangeTest {

  @Test
  void addressesAreHandedOutInOrderSkippingTheEndsOfEachBlock() {
    AddressRange range = AddressRange.parse("127.77.0.0/16");
    List<String> addresses = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      addresses.add(range.allocate());
    }

    assertThat(addresses.get(0)).isEqualTo("127.77.0.1");
    assertThat(addresses.get(253)).isEqualTo("127.77.0.254");
    assertThat(addresses.get(254)).isEqualTo("127.77.1.1");
    assertThat(addresses).doesNotHaveDuplicates();
  }

  @Test
  void noAddressIsHandedOutTwiceWhileAllocated() {
    // Operations: a non-negative number allocates, a negative one frees an allocated address.
    qt().forAll(lists().of(integers().between(-20, 20)).ofSizeBetween(1, 200))
        .checkAssert(
            operations -> {
              AddressRange range = AddressRange.parse("127.77.3.0/27");
              List<String> allocated = new ArrayList<>();
              for (int operation : operations) {
                if (operation >= 0) {
                  String address = range.allocate();
                  if (allocated.size() == 30) {
                    assertThat(address).isNull();
                  } else {
                    assertThat(address).isNotNull().matches("127\\.77\\.3\\.([1-9]|[12][0-9]|30)");
                    allocated.add(address);
                  }
                } else if (!allocated.isEmpty()) {
                  range.free(allocated.remove(-operation % allocated.size()));
                }
                Set<String> distinct = new HashSet<>(allocated);
                assertThat(distinct).hasSameSizeAs(allocated);
                allocated.forEach(address -> assertThat(range.isAllocated(address)).isTrue());
              }
            });
  }

  @Test
  void rangesOutsideLoopbackAreRejected() {
    assertThatThrownBy(() -> AddressRange.parse("10.0.0.0/16"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "address range 10.0.0.0/16 must lie inside the loopback network 127.0.0.0/8 with a"
                + " prefix between 8 and 29");
    assertThatThrownBy(() -> AddressRange.parse("127.77.0.0"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AddressRange.parse("127.77.0.300/16"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
