package dev.bosun.cli;

import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.HelpCommand;

/**
 * The {@code bosun} verbs, by name and alias, in the order {@code bosun --help} lists them.
 *
 * <p>picocli builds a verb's model by reflection over its annotations, and building all 24 costs a
 * short-lived command more than the rest of its start-up; so {@link Cli} registers only the verb
 * the command line names, and every verb only for the root's own help, {@code help}, {@code
 * completion} (whose script describes every verb) and a command line that names no known verb (so
 * picocli reports it as it always does, with suggestions).
 */
final class Verbs {
  /** Every verb class, listing order. */
  static final List<Class<?>> ALL =
      List.of(
          ValidateCommand.class,
          DeployCommand.class,
          StatusCommand.class,
          AddUnitCommand.class,
          RemoveUnitCommand.class,
          RemoveApplicationCommand.class,
          ConfigCommand.class,
          IntegrateCommand.class,
          RemoveRelationCommand.class,
          ExposeCommand.class,
          UnexposeCommand.class,
          RefreshCommand.class,
          RunCommand.class,
          ResolveCommand.class,
          DiffCommand.class,
          ExportBundleCommand.class,
          ShowStatusLogCommand.class,
          DebugLogCommand.class,
          WaitCommand.class,
          AttachResourceCommand.class,
          DestroyCommand.class,
          ControllerCommand.class,
          CompletionCommand.class,
          HelpCommand.class);

  /**
   * Verb names and aliases, as their {@code @Command} annotations give them (a test checks): a
   * table, because reading 24 annotations costs a command tens of milliseconds before it starts.
   */
  static final Map<String, Class<?>> BY_NAME =
      Map.ofEntries(
          Map.entry("validate", ValidateCommand.class),
          Map.entry("deploy", DeployCommand.class),
          Map.entry("status", StatusCommand.class),
          Map.entry("add-unit", AddUnitCommand.class),
          Map.entry("remove-unit", RemoveUnitCommand.class),
          Map.entry("remove-application", RemoveApplicationCommand.class),
          Map.entry("config", ConfigCommand.class),
          Map.entry("integrate", IntegrateCommand.class),
          Map.entry("relate", IntegrateCommand.class),
          Map.entry("remove-relation", RemoveRelationCommand.class),
          Map.entry("expose", ExposeCommand.class),
          Map.entry("unexpose", UnexposeCommand.class),
          Map.entry("refresh", RefreshCommand.class),
          Map.entry("run", RunCommand.class),
          Map.entry("resolve", ResolveCommand.class),
          Map.entry("resolved", ResolveCommand.class),
          Map.entry("diff", DiffCommand.class),
          Map.entry("diff-bundle", DiffCommand.class),
          Map.entry("export-bundle", ExportBundleCommand.class),
          Map.entry("show-status-log", ShowStatusLogCommand.class),
          Map.entry("debug-log", DebugLogCommand.class),
          Map.entry("wait", WaitCommand.class),
          Map.entry("attach-resource", AttachResourceCommand.class),
          Map.entry("destroy", DestroyCommand.class),
          Map.entry("controller", ControllerCommand.class),
          Map.entry("completion", CompletionCommand.class),
          Map.entry("help", HelpCommand.class));

  /** Verbs that need every other verb registered. */
  private static final Set<String> NEED_ALL = Set.of("help", "completion");

  /** Root options that take a value as the next argument. */
  private static final Set<String> OPTIONS_WITH_VALUE = Set.of("--model", "--store");

  private Verbs() {}

  /** Returns the verbs to register for a command line. */
  static List<Class<?>> needed(String[] args) {
    String name = verbName(args);
    Class<?> verb = name == null ? null : BY_NAME.get(name);
    return verb == null || NEED_ALL.contains(name) ? ALL : List.of(verb);
  }

  /** Returns the class of the verb a command line names, or null when it names no known verb. */
  static Class<?> named(String[] args) {
    String name = verbName(args);
    return name == null ? null : BY_NAME.get(name);
  }

  /** The first argument that is neither a root option nor an option's value. */
  private static String verbName(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (OPTIONS_WITH_VALUE.contains(arg)) {
        i++;
        continue;
      }
      if (!arg.startsWith("-")) {
        return arg;
      }
    }
    return null;
  }
}
