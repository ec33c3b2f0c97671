package dev.bosun.examples.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bosun.runtime.SettleResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EmbeddedRuntimeExampleTest {

  @Test
  void theModelSettlesWithEveryVisitorGreetedByName() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    SettleResult result =
        EmbeddedRuntimeExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    String output = bytes.toString(StandardCharsets.UTF_8);
    assertThat(result.settled()).as(output).isTrue();
    assertThat(result.errors()).isEmpty();
    assertThat(output.lines())
        .contains(
            "- deploy application greeter",
            "- add unit visitor/1 to new machine 2",
            "- add relation visitor:greeter - greeter:visitors",
            "settled")
        .endsWith(
            "greeter/0  active   greeting 2 visitors",
            "visitor/0  active   Hello, visitor/0!",
            "visitor/1  active   Hello, visitor/1!");
  }
}
