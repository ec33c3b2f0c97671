package dev.bosun.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bosun completion}: prints a bash/zsh completion script for every verb and option. */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    header = "Print the shell completion script (bash and zsh).",
    description = {
      "",
      "Install it for this shell:    source <(bosun completion)",
      "or for every shell:           bosun completion > /etc/bash_completion.d/bosun",
      "(zsh: run 'autoload -U +X bashcompinit && bashcompinit' first)."
    })
final class CompletionCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    String script = AutoComplete.bash("bosun", spec.root().commandLine());
    spec.commandLine().getOut().print(script);
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
