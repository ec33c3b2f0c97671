package dev.bosun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/** {@link Verbs}: which verbs a command line needs registered. */
class VerbsTest {

  @Test
  void knowsEveryVerbByItsNameAndJujusAliases() {
    assertThat(Verbs.ALL).hasSize(24).doesNotHaveDuplicates();
    assertThat(Verbs.BY_NAME)
        .hasSize(27)
        .containsEntry("deploy", DeployCommand.class)
        .containsEntry("integrate", IntegrateCommand.class)
        .containsEntry("relate", IntegrateCommand.class)
        .containsEntry("diff-bundle", DiffCommand.class)
        .containsEntry("resolved", ResolveCommand.class)
        .containsEntry("help", picocli.CommandLine.HelpCommand.class);
  }

  @Test
  void theNameTableIsWhatTheVerbsAnnotationsSay() {
    Map<String, Class<?>> annotated = new HashMap<>();
    for (Class<?> verb : Verbs.ALL) {
      Command command = verb.getAnnotation(Command.class);
      annotated.put(command.name(), verb);
      for (String alias : command.aliases()) {
        annotated.put(alias, verb);
      }
    }
    assertThat(Verbs.BY_NAME).isEqualTo(annotated);
  }

  @Test
  void registersOnlyTheVerbTheCommandLineNames() {
    assertThat(Verbs.needed(new String[] {"deploy", "bundle.yaml", "--wait"}))
        .containsExactly(DeployCommand.class);
    assertThat(Verbs.needed(new String[] {"--model", "status", "relate", "a", "b"}))
        .containsExactly(IntegrateCommand.class);
    assertThat(Verbs.needed(new String[] {"--debug", "--model=/m", "status", "--format", "json"}))
        .containsExactly(StatusCommand.class);
  }

  @Test
  void registersEveryVerbForHelpCompletionAndAnythingElse() {
    for (String[] args :
        new String[][] {
          {}, {"--help"}, {"--version"}, {"help", "deploy"}, {"completion"}, {"deplyo", "x"}
        }) {
      assertThat(Verbs.needed(args)).as(String.join(" ", args)).isEqualTo(Verbs.ALL);
    }
  }
}
