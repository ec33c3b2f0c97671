package dev.bosun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code bosun} verbs end to end over a real model directory (SQLite store, local substrate),
 * with the test charms: each invocation is a fresh in-process {@link Cli}, as separate commands
 * would be, so everything a test sees went through the store.
 */
class CliModelIT {
  private static final Path BUNDLE = TestModel.resource("bundles/greetings.yaml");

  @TempDir Path temp;
  private TestModel model;

  @BeforeEach
  void createModel() {
    model = new TestModel(temp.resolve("model"));
  }

  private CliRun deployed() {
    CliRun deploy = model.run("deploy", BUNDLE.toString(), "--wait", "1m");
    assertThat(deploy.exitCode()).as(deploy.err()).isZero();
    return deploy;
  }

  @Test
  void deployAppliesTheBundleAndWaitsUntilTheModelSettles() {
    CliRun deploy = deployed();

    assertThat(deploy.outLines())
        .startsWith("Executing changes:", "- upload charm counter")
        .contains(
            "- add relation counter:greeting - greeter:greeting",
            "- add unit greeter/1 to new machine 2",
            "Deploy of bundle completed.",
            "counter: active (1/1 units idle) 2 friends say \"hello\"",
            "sidecar: active attached to counter")
        .endsWith("Model settled.");
    assertThat(Files.isRegularFile(model.directory().resolve("model.db"))).isTrue();
    assertThat(Files.isDirectory(model.directory().resolve("machines/0"))).isTrue();
  }

  @Test
  void redeployingTheSameBundleChangesNothing() {
    deployed();

    CliRun again = model.run("deploy", BUNDLE.toString());
    CliRun dryRun = model.run("deploy", BUNDLE.toString(), "--dry-run");

    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).isEqualTo("No changes to apply.\n");
    assertThat(dryRun.out()).isEqualTo("No changes to apply.\n");
  }

  @Test
  void statusMatchesTheGoldenFilesInEveryFormat() throws IOException {
    deployed();

    assertGolden("status-tabular.txt", model.run("status"));
    assertGolden("status-relations.txt", model.run("status", "--relations"));
    assertGolden("status.yaml", model.run("status", "--format", "yaml"));
    assertGolden("status.json", model.run("status", "--format", "json"));
  }

  @Test
  void scalesUpAndDownAndReleasesEmptyMachines() {
    deployed();

    CliRun add = model.run("add-unit", "greeter", "-n", "2");
    CliRun remove = model.run("remove-unit", "greeter/0", "greeter/3");
    CliRun status = model.run("status");

    assertThat(add.outLines()).containsExactly("added unit greeter/2", "added unit greeter/3");
    assertThat(remove.exitCode()).as(remove.err()).isZero();
    assertThat(status.out())
        .contains("greeter/1", "greeter/2", "2 friends say \"hello\"")
        .doesNotContain("greeter/0", "greeter/3");
    assertThat(status.out()).containsPattern("greeter +active +2 +greeter");
    assertThat(model.directory().resolve("machines/1")).doesNotExist();
    assertThat(model.directory().resolve("machines/4")).doesNotExist();
    assertThat(model.directory().resolve("machines/3")).isDirectory();
  }

  @Test
  void configChangeRunsConfigChangedAndReachesRelatedUnits() {
    deployed();

    CliRun set = model.run("config", "greeter", "greeting=hi");
    CliRun shown = model.run("config", "greeter");
    CliRun status = model.run("status");

    assertThat(set.exitCode()).as(set.err()).isZero();
    assertThat(shown.out())
        .contains("  greeting:\n    default: hello\n")
        .contains("    source: user\n    type: string\n    value: hi\n");
    assertThat(status.out()).contains("greeting: hi", "2 friends say \"hi\"");

    CliRun reset = model.run("config", "greeter", "--reset", "greeting");
    assertThat(reset.exitCode()).isZero();
    assertThat(model.run("status").out()).contains("2 friends say \"hello\"");
  }

  @Test
  void integrateAndRemoveRelationRunTheRelationHooks() {
    deployed();

    CliRun removed = model.run("remove-relation", "counter", "greeter");
    String afterRemove = model.run("status", "--relations").out();
    CliRun added = model.run("integrate", "greeter", "counter");
    String afterAdd = model.run("status", "--relations").out();

    assertThat(removed.exitCode()).as(removed.err()).isZero();
    assertThat(afterRemove).contains("needs a greeter").doesNotContain("counter:greeting");
    assertThat(added.out()).startsWith("added relation ");
    assertThat(afterAdd)
        .contains("2 friends say \"hello\"")
        .containsPattern("greeter:greeting +counter:greeting +greeting +regular");
    assertThat(model.run("debug-log", "--include", "counter/0").out())
        .contains("counter/0 greeting-relation-broken succeeded")
        .contains("counter/0 greeting-relation-joined (greeter/0) succeeded");
  }

  @Test
  void runsAnActionOnTheLeaderAndPrintsItsResults() {
    deployed();

    CliRun run = model.run("run", "greeter/leader", "greet", "name=bob");
    CliRun missing = model.run("run", "greeter/0", "greet");
    CliRun unknown = model.run("run", "greeter/0", "dance");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.outLines()).contains("message: hello, bob");
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(missing.err()).contains("\"name\" property is missing and required");
    assertThat(unknown.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(unknown.err()).contains("action \"dance\" not defined");
  }

  @Test
  void aCommandThatSettlesWithBlockedUnitsNamesThemOnStandardError() {
    deployed();

    CliRun block = model.run("config", "greeter", "blocked=port 80 is taken");
    CliRun unblock = model.run("config", "greeter", "--reset", "blocked");

    assertThat(block.exitCode()).as(block.err()).isZero();
    assertThat(block.err())
        .isEqualTo(
            "WARNING 2 units are blocked and wait for you to act on their messages:\n"
                + "  greeter/0: port 80 is taken\n"
                + "  greeter/1: port 80 is taken\n");
    assertThat(unblock.exitCode()).isZero();
    assertThat(unblock.err()).isEmpty();
  }

  @Test
  void aFailingHookExitsOneAndResolveGetsTheUnitsOutOfError() {
    deployed();

    CliRun fail = model.run("config", "greeter", "fail=true");
    String inError = model.run("status").out();
    CliRun history = model.run("show-status-log", "greeter/0");
    CliRun fix = model.run("config", "greeter", "fail=false");
    CliRun resolve = model.run("resolve", "--all");
    String after = model.run("status").out();

    assertThat(fail.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(fail.err())
        .contains("ERROR unit greeter/0 is in error: hook failed: \"config-changed\"")
        .contains("run 'bosun resolve greeter/0 greeter/1'");
    assertThat(inError)
        .containsPattern("greeter/0\\* +error +idle .*hook failed: \"config-changed\"");
    assertThat(history.out()).contains("error", "hook failed: \"config-changed\"");
    assertThat(fix.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(resolve.outLines()).containsExactly("resolved greeter/0", "resolved greeter/1");
    assertThat(resolve.exitCode()).as(resolve.err()).isZero();
    assertThat(after).doesNotContain("error").contains("greeting: hello");
    assertThat(model.run("resolve", "greeter/0").err())
        .contains("unit \"greeter/0\" is not in an error state");
  }

  @Test
  void exportedBundleDiffsEmptyAndRedeploysToNothing() throws IOException {
    deployed();
    model.run("add-unit", "greeter");
    model.run("config", "greeter", "greeting=hi");

    CliRun export = model.run("export-bundle", "-o", temp.resolve("export.yaml").toString());
    CliRun diff = model.run("diff", temp.resolve("export.yaml").toString());
    CliRun redeploy = model.run("deploy", temp.resolve("export.yaml").toString());
    CliRun original = model.run("diff", BUNDLE.toString());

    assertThat(export.exitCode()).as(export.err()).isZero();
    assertThat(Files.readString(temp.resolve("export.yaml")))
        .contains("  greeter:\n    charm: greeter\n    num_units: 3\n")
        .contains("    options:\n      greeting: hi\n");
    assertThat(diff.out()).isEqualTo("{}\n");
    assertThat(redeploy.out()).isEqualTo("No changes to apply.\n");
    assertThat(original.out())
        .contains("  greeter:\n    num_units:\n      bundle: 2\n      model: 3\n")
        .contains("      greeting:\n        bundle: null\n        model: hi\n");
  }

  @Test
  void deploysACharmAsANewApplication() throws IOException {
    deployed();
    Path config = temp.resolve("config.yaml");
    Files.writeString(config, "howdy:\n  greeting: howdy\n  hook-delay: 1\n");

    CliRun deploy = model.run("deploy", "greeter", "hello", "-n", "2", "--config", "greeting=hey");
    CliRun fromFile = model.run("deploy", "greeter", "howdy", "--config", config.toString());
    CliRun status = model.run("status");
    CliRun duplicate = model.run("deploy", "greeter", "hello");
    CliRun wrongFile = model.run("deploy", "greeter", "other", "--config", config.toString());

    assertThat(deploy.exitCode()).as(deploy.err()).isZero();
    assertThat(deploy.outLines())
        .containsExactly(
            "Deploying \"hello\" from charm \"greeter\"",
            "added unit hello/0",
            "added unit hello/1");
    assertThat(status.out()).containsPattern("hello +active +2 +greeter .*greeting: hey");
    assertThat(fromFile.exitCode()).as(fromFile.err()).isZero();
    assertThat(status.out()).containsPattern("howdy +active +1 +greeter .*greeting: howdy");
    assertThat(wrongFile.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(wrongFile.err()).contains("has no settings for \"other\" (its top-level key)");
    assertThat(duplicate.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(duplicate.err()).contains("application already exists");
  }

  @Test
  void refreshRunsUpgradeCharmAndCountsTheRevision() {
    deployed();

    CliRun refresh = model.run("refresh", "greeter");
    String status = model.run("status").out();

    assertThat(refresh.exitCode()).as(refresh.err()).isZero();
    assertThat(status).containsPattern("greeter +active +2 +greeter +1 +no");
    assertThat(model.run("debug-log", "--include", "greeter/0").out())
        .contains("greeter/0 upgrade-charm succeeded");
    assertBadInput(model.run("refresh", "nope"), "application \"nope\" not found");
  }

  @Test
  void removeApplicationTakesItsUnitsRelationsAndMachines() {
    deployed();

    CliRun remove = model.run("remove-application", "counter");
    String status = model.run("status", "--relations").out();

    assertThat(remove.exitCode()).as(remove.err()).isZero();
    assertThat(status)
        .doesNotContain("counter/0", "sidecar/0", "counter:greeting")
        .contains("greeter/0*", "greeter/1");
    assertThat(model.directory().resolve("machines/0")).doesNotExist();
  }

  @Test
  void debugLogFollowPrintsEachNewHookOnce() throws Exception {
    deployed();
    java.io.StringWriter out = new java.io.StringWriter();

    Thread follow = model.start(out, "debug-log", "--follow", "--include", "greeter/0");
    awaitOutput(out, "greeter/0 start succeeded");
    CliRun change = model.run("config", "greeter", "greeting=yo");
    awaitOutput(out, "greeter/0 config-changed succeeded", 2);
    follow.interrupt();
    follow.join();

    assertThat(change.exitCode()).as(change.err()).isZero();
    java.util.List<String> lines = java.util.List.of(out.toString().split("\n"));
    assertThat(lines).doesNotHaveDuplicates().allMatch(line -> line.contains(" greeter/0 "));
  }

  @Test
  void statusWatchRedrawsUntilInterrupted() throws Exception {
    deployed();
    java.io.StringWriter out = new java.io.StringWriter();

    Thread watch = model.start(out, "status", "--watch");
    awaitOutput(out, "Model    Controller", 2);
    watch.interrupt();
    watch.join();

    assertThat(out.toString()).contains("greeter/0*", "counter/0*");
  }

  private static void awaitOutput(java.io.StringWriter out, String text) throws Exception {
    awaitOutput(out, text, 1);
  }

  /** Waits (up to a minute) until {@code text} was printed {@code times} times. */
  private static void awaitOutput(java.io.StringWriter out, String text, int times)
      throws Exception {
    for (int i = 0; i < 600; i++) {
      String printed = out.toString();
      int count = printed.split(java.util.regex.Pattern.quote(text), -1).length - 1;
      if (count >= times) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("\"" + text + "\" was not printed " + times + " times: " + out);
  }

  @Test
  void exposeShowsInStatus() {
    deployed();

    model.run("expose", "greeter");
    String exposed = model.run("status", "--format", "json").out();
    model.run("unexpose", "greeter");

    assertThat(exposed).contains("\"exposed\" : true");
    assertThat(model.run("status").out()).doesNotContainPattern("greeter .* yes ");
  }

  @Test
  void attachedResourcesReachTheUnitsInTheirNextHook() throws IOException {
    deployed();
    Path payload = temp.resolve("payload.txt");
    Files.writeString(payload, "twelve bytes");

    CliRun attach = model.run("attach-resource", "greeter", "payload=" + payload);
    model.run("config", "greeter", "greeting=hi");
    CliRun undeclared = model.run("attach-resource", "greeter", "binary=" + payload);

    assertThat(attach.exitCode()).as(attach.err()).isZero();
    assertThat(attach.out()).startsWith("attached payload to greeter (12 bytes, sha256 ");
    assertThat(model.run("status").out()).contains("greeting: hi (payload: 12 bytes)");
    assertThat(undeclared.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(undeclared.err())
        .contains("charm \"greeter\" has no resource \"binary\"; its resources: payload");
  }

  @Test
  void destroyRemovesEverythingAndDeletesTheModelDirectory() {
    deployed();

    CliRun refused = model.run("destroy");
    CliRun destroy = model.run("destroy", "--yes");

    assertThat(refused.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(refused.err()).contains("run 'bosun destroy --yes'");
    assertThat(destroy.exitCode()).as(destroy.err()).isZero();
    assertThat(model.directory()).doesNotExist();
    assertThat(model.run("status").err()).contains("no model in " + model.directory());
  }

  @Test
  void badInputExitsTwoWithAMessageSayingWhatToDo() throws IOException {
    Path invalid = temp.resolve("invalid.yaml");
    Files.writeString(invalid, "applications:\n  a:\n    charm: greeter\n    num_units: -1\n");

    assertBadInput(model.run("status"), "no model in");
    assertBadInput(model.run("deploy", "no-such-charm"), "no-such-charm");
    assertBadInput(model.run("deploy", invalid.toString()), invalid + ":4:16:");
    assertBadInput(model.run("deploy", temp.resolve("missing.yaml").toString()), "not found");
    assertBadInput(model.run("status", "--store", "etcd://127.0.0.1:2379"), "not supported yet");
    assertBadInput(model.run("status", "--bogus"), "Unknown option: '--bogus'");
    assertThat(model.directory()).as("refused deploys leave no model behind").doesNotExist();
    deployed();
    assertBadInput(model.run("add-unit", "nope"), "application \"nope\" not found");
    assertBadInput(model.run("remove-unit", "greeter/9"), "unit \"greeter/9\" not found");
    assertBadInput(model.run("remove-unit", "greeter"), "is not a unit name");
    assertBadInput(model.run("config", "greeter", "port=1"), "unknown option \"port\"");
    assertBadInput(model.run("config", "greeter", "fail=maybe"), "expected boolean");
    assertBadInput(model.run("integrate", "greeter", "nope"), "nope");
    assertBadInput(model.run("show-status-log", "nope/0"), "not found");
    assertBadInput(model.run("add-unit", "greeter", "--wait", "soon"), "--wait expects a duration");
  }

  private static void assertBadInput(CliRun run, String message) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains(message).doesNotContain("\tat ");
  }

  private static void assertGolden(String name, CliRun run) throws IOException {
    assertThat(run.exitCode()).as(run.err()).isZero();
    String actual = TestModel.normalise(run.out());
    Path source = Path.of("src/test/resources/golden", name);
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(source, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(source, StandardCharsets.UTF_8));
  }
}
