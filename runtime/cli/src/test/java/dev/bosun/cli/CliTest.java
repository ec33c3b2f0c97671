package dev.bosun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
  void helpWrapsEachParagraphAsAWholeNotEachSourceLine() {
    CliRun run = CliRun.of("deploy", "--help");

    assertThat(run.out().replaceAll("\\s+", " "))
        .contains(
            "BUNDLE is a bundle YAML file: it is read and checked as 'bosun validate' does,"
                + " planned against the live model");
    // Every line of the paragraph but its last fills the usage width, as wrapped prose does.
    String paragraph =
        run.out()
            .substring(run.out().indexOf("BUNDLE is"), run.out().indexOf("CHARM is") - 1)
            .strip();
    List<String> lines = paragraph.lines().toList();
    assertThat(lines.subList(0, lines.size() - 1)).allMatch(line -> line.length() > 60);
  }

  @Test
  void joinsTheLinesOfEachParagraphAndKeepsTheBlankLinesBetween() {
    assertThat(Cli.paragraphs(new String[] {"", "one", "two", "", "three", "  four"}))
        .containsExactly("", "one two", "", "three four");
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

  @Test
  void reportsTheJavaRuntimeWithTheVersion() {
    CliRun run = CliRun.of("--version");

    assertThat(run.out().lines().skip(1).findFirst())
        .hasValueSatisfying(
            line ->
                assertThat(line)
                    .startsWith("Java " + Runtime.version() + " (")
                    .contains(System.getProperty("os.name")));
  }
}
