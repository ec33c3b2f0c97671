package dev.bosun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CliTest {

  @Test
  void printsUsageWithTheCommandsWhenCalledBare() {
    CliRun run = CliRun.of();

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("Usage: bosun").contains("validate").contains("deploy");
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : new String[] {"validate", "deploy"}) {
      CliRun run = CliRun.of(command, "--help");

      assertThat(run.exitCode()).as(command).isEqualTo(ExitCodes.OK);
      assertThat(run.out()).as(command).contains("Usage: bosun " + command);
    }
  }

  @Test
  void anUnknownCommandIsBadInputWithAPointerToHelp() {
    CliRun run = CliRun.of("frobnicate");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.errLines())
        .containsExactly(
            "ERROR Unmatched argument at index 0: 'frobnicate'", "Run 'bosun --help' for usage.");
  }

  @Test
  void aMissingArgumentIsBadInputWithThePointerToTheSubcommandsHelp() {
    CliRun run = CliRun.of("validate");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err())
        .contains("Missing required parameter: 'BUNDLE'")
        .contains("Run 'bosun validate --help' for usage.");
  }

  @Test
  void reportsTheVersion() {
    CliRun run = CliRun.of("--version");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).startsWith("bosun ");
  }
}
