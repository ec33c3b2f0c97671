package dev.bosun.cli;

import dev.bosun.charm.CharmDefinition;
import dev.bosun.charm.CharmNotFoundException;
import dev.bosun.model.Problem;
import dev.bosun.model.bundle.BundleReader;
import dev.bosun.model.bundle.LoadedBundle;
import dev.bosun.model.charm.CharmMeta;
import dev.bosun.model.charm.CharmRepository;
import dev.bosun.model.charm.ConfigSchema;
import dev.bosun.model.plan.ModelState;
import dev.bosun.model.plan.Plan;
import dev.bosun.model.plan.Planner;
import dev.bosun.model.spec.ApplicationSpec;
import dev.bosun.model.spec.ModelSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bosun deploy BUNDLE [--overlay FILE]... [--dry-run]} and {@code bosun deploy CHARM [APP]
 * [-n N] [--config K=V|FILE]... [--to PLACEMENT]}: planned against the live model, so deploying a
 * bundle again changes nothing.
 */
@Command(
    name = "deploy",
    mixinStandardHelpOptions = true,
    header = "Deploy a bundle, or a charm as a new application.",
    description = {
      "",
      "BUNDLE is a bundle YAML file: it is read and checked as 'bosun validate' does, planned",
      "against the live model (what already runs is kept, so a second deploy prints 'No changes",
      "to apply.'), applied, and the model is driven until it settles. --dry-run prints the plan",
      "and changes nothing.",
      "",
      "CHARM is the name of a built-in charm or of a charm under a --charm-dir; it is deployed",
      "as APP (default: the charm's name) with N units (subordinates: none)."
    })
final class DeployCommand extends WaitingCommand {

  @Parameters(index = "0", paramLabel = "BUNDLE|CHARM", description = "A bundle file or a charm.")
  String target;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "APP",
      description = "The application name (charm deploys).")
  String application;

  @Option(
      names = "--overlay",
      paramLabel = "FILE",
      description = "An overlay bundle merged over BUNDLE. Repeatable; applied in order.")
  List<Path> overlays = new ArrayList<>();

  @Option(names = "--dry-run", description = "Print the changes without making them.")
  boolean dryRun;

  @Option(
      names = {"-n", "--num-units"},
      paramLabel = "N",
      description = "How many units (charm deploys; default 1).")
  Integer units;

  @Option(
      names = "--config",
      paramLabel = "KEY=VALUE|FILE",
      description =
          "Configuration (charm deploys): key=value, or a YAML file whose top-level key is the"
              + " application name. Repeatable.")
  List<String> config = new ArrayList<>();

  @Option(
      names = "--to",
      paramLabel = "PLACEMENT",
      split = ",",
      description = "Placement directives for the units (charm deploys).")
  List<String> placements = new ArrayList<>();

  @Mixin CharmOptions charms;

  @Override
  boolean changesModel() {
    return !dryRun;
  }

  @Override
  boolean createsModel() {
    return !dryRun;
  }

  @Override
  List<Path> charmDirectories() {
    return charms.directories();
  }

  @Override
  public Integer call() {
    if (dryRun
        && !access().isAttached()
        && !access().directory(spec.root().commandLine().getParseResult()).exists()) {
      return planOffline();
    }
    return super.call();
  }

  private boolean isBundle() {
    return target.endsWith(".yaml")
        || target.endsWith(".yml")
        || target.contains("/")
        || Files.isRegularFile(file(Path.of(target)));
  }

  /** A dry run with no model yet: plans against an empty model without creating one. */
  private int planOffline() {
    if (!isBundle()) {
      throw new UsageException(
          "--dry-run with a charm needs a model; deploy it without --dry-run, or dry-run a bundle");
    }
    CharmRepository all = builtIns().orElse(charms.repository());
    ModelSpec desired = readBundle(all);
    printPlan(Planner.plan(desired, ModelState.EMPTY), true);
    return ExitCodes.OK;
  }

  private static CharmRepository builtIns() {
    return dev.bosun.charm.CharmCatalog.discover(ModelCommand.class.getClassLoader()).repository();
  }

  @Override
  int execute(Session session) {
    if (isBundle()) {
      return deployBundle(session);
    }
    return deployCharm(session);
  }

  private ModelSpec readBundle(CharmRepository repository) {
    Path bundle = file(Path.of(target));
    List<Path> overlayFiles = overlays.stream().map(this::file).toList();
    requireFile(bundle, "bundle");
    overlayFiles.forEach(overlay -> requireFile(overlay, "overlay"));
    LoadedBundle loaded =
        BundleReader.builder().charms(repository).build().read(bundle, overlayFiles);
    PrintWriter err = err();
    for (Problem warning : loaded.warnings()) {
      err.println(warning);
    }
    return Deployments.withInferredEndpoints(loaded.model(), repository);
  }

  private static void requireFile(Path path, String what) {
    if (Files.isDirectory(path)) {
      throw new UsageException(what + " " + path + " is a directory; give the path of a YAML file");
    }
    if (!Files.isRegularFile(path)) {
      throw new UsageException(what + " file " + path + " not found");
    }
  }

  private int deployBundle(Session session) {
    if (units != null || !config.isEmpty() || !placements.isEmpty() || application != null) {
      throw new UsageException(
          "-n, --config, --to and APP apply to charm deploys; a bundle says all of that itself");
    }
    CharmRepository repository = Deployments.repository(session, charms.directories(), this::file);
    ModelSpec desired = readBundle(repository);
    ModelState live = session.runtime().modelState();
    Plan plan = Planner.plan(desired, live);
    if (dryRun || plan.isEmpty()) {
      printPlan(plan, true);
      return ExitCodes.OK;
    }
    requireCode(desired, session);
    recordCharmDirectories(session);
    session.runtime().apply(ModelExport.merge(desired, live));
    printPlan(plan, false);
    return ExitCodes.OK;
  }

  private void printPlan(Plan plan, boolean dry) {
    PrintWriter out = out();
    if (plan.isEmpty()) {
      out.println("No changes to apply.");
      return;
    }
    out.println(dry ? "Changes to deploy bundle:" : "Executing changes:");
    for (String line : plan.descriptions()) {
      out.println("- " + line);
    }
    if (!dry) {
      out.println("Deploy of bundle completed.");
    }
  }

  /** Every application's charm must have code, not only metadata. */
  private void requireCode(ModelSpec desired, Session session) {
    for (ApplicationSpec app :
        new TreeSet<>(desired.applications().keySet())
            .stream().map(desired.applications()::get).toList()) {
      if (session.charms().find(app.charm()).isEmpty()) {
        throw noCode(app.charm(), session);
      }
    }
  }

  private RuntimeException noCode(String charm, Session session) {
    Optional<CharmMeta> meta =
        Deployments.repository(session, charms.directories(), this::file).find(charm);
    if (meta.isPresent()) {
      return new UsageException(
          "charm \""
              + charm
              + "\" has metadata but no code (no bosun.yaml naming its Java class), so Bosun can"
              + " validate and plan with it ('bosun deploy --dry-run') but not deploy it; built-in"
              + " charms: "
              + String.join(", ", session.charms().names()));
    }
    return new CharmNotFoundException(charm, List.copyOf(session.charms().names()));
  }

  private void recordCharmDirectories(Session session) {
    if (!charms.directories().isEmpty()) {
      session
          .directory()
          .recordCharmDirectories(charms.directories().stream().map(this::file).toList());
    }
  }

  private int deployCharm(Session session) {
    if (!overlays.isEmpty()) {
      throw new UsageException("--overlay applies to bundle deploys");
    }
    CharmDefinition charm =
        session.charms().find(target).orElseThrow(() -> noCode(target, session));
    String name = application == null ? charm.name() : application;
    ModelState live = session.runtime().modelState();
    if (live.applications().containsKey(name)) {
      throw new UsageException(
          "cannot add application \""
              + name
              + "\": application already exists; choose another name, or use 'bosun add-unit "
              + name
              + "'");
    }
    boolean subordinate = charm.meta().subordinate();
    int count = units == null ? (subordinate ? 0 : 1) : units;
    if (subordinate && count != 0) {
      throw new UsageException("subordinate application \"" + name + "\" takes no units (-n 0)");
    }
    if (count < 0) {
      throw new UsageException("-n must not be negative, got " + count);
    }
    Map<String, Object> options = options(name, charm.meta().config());
    ApplicationSpec.Builder app =
        ApplicationSpec.builder(name).charm(charm.name()).units(0).options(options);
    ModelSpec desired = ModelSpec.builder().application(app.build()).buildUnvalidated();
    recordCharmDirectories(session);
    session.runtime().apply(ModelExport.merge(desired, live));
    out().println("Deploying \"" + name + "\" from charm \"" + charm.name() + "\"");
    if (count > 0) {
      for (String unit : session.runtime().addUnits(name, count, placements)) {
        out().println("added unit " + unit);
      }
    }
    return ExitCodes.OK;
  }

  private Map<String, Object> options(String name, ConfigSchema schema) {
    Map<String, Object> options = new LinkedHashMap<>();
    for (String entry : config) {
      int equals = entry.indexOf('=');
      if (equals > 0) {
        String key = entry.substring(0, equals);
        options.put(key, schema.parse(key, entry.substring(equals + 1)));
        continue;
      }
      Path file = file(Path.of(entry));
      if (!Files.isRegularFile(file)) {
        throw new UsageException(
            "--config \"" + entry + "\" is neither KEY=VALUE nor an existing YAML file");
      }
      Object document;
      try {
        document = new Yaml().load(Files.readString(file));
      } catch (IOException | RuntimeException e) {
        throw new UsageException("cannot read config file " + file + ": " + e.getMessage());
      }
      if (!(document instanceof Map<?, ?> top) || !(top.get(name) instanceof Map<?, ?> values)) {
        throw new UsageException(
            "config file " + file + " has no settings for \"" + name + "\" (its top-level key)");
      }
      values.forEach(
          (key, value) ->
              options.put(String.valueOf(key), schema.validate(String.valueOf(key), value)));
    }
    return options;
  }
}
