package dev.bosun.model.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.bosun.model.spec.ApplicationSpec;
import dev.bosun.model.spec.ModelSpec;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleRoundTripTest {
  @TempDir Path directory;

  @Test
  void readingTheExportOfAValidModelGivesAnEqualModel() {
    BundleReader reader = BundleReader.builder().build();
    qt().withExamples(400)
        .forAll(new ModelSpecGenerator())
        .checkAssert(
            spec -> {
              String yaml = BundleWriter.write(spec);
              ModelSpec read;
              try {
                read = reader.read(yaml, "export.yaml", directory).model();
              } catch (BundleException e) {
                throw new AssertionError(e.getMessage() + "\n---\n" + yaml, e);
              }
              assertThat(read).as(yaml).isEqualTo(spec);
            });
  }

  @Test
  void generatorCoversEveryFeatureTheRoundTripMustPreserve() {
    Set<String> seen = new HashSet<>();
    qt().withFixedSeed(7)
        .withExamples(300)
        .forAll(new ModelSpecGenerator())
        .check(
            spec -> {
              seen.add(spec.type().isEmpty() ? "machine model" : "kubernetes model");
              if (!spec.machines().isEmpty()) {
                seen.add("machines");
              }
              if (!spec.relations().isEmpty()) {
                seen.add("relations");
              }
              for (ApplicationSpec app : spec.applications().values()) {
                app.to()
                    .forEach(
                        p ->
                            seen.add(
                                p.isApplication()
                                    ? "placement on unit"
                                    : p.isNewMachine() ? "new machine" : "placement on machine"));
                app.options()
                    .values()
                    .forEach(v -> seen.add("option " + v.getClass().getSimpleName()));
                if (!app.exposedEndpoints().isEmpty()) {
                  seen.add("exposed endpoints");
                }
                if (!app.constraints().isEmpty()) {
                  seen.add("constraints");
                }
              }
              return true;
            });
    assertThat(seen)
        .contains(
            "machine model",
            "kubernetes model",
            "machines",
            "relations",
            "placement on unit",
            "new machine",
            "placement on machine",
            "option Long",
            "option Double",
            "option Boolean",
            "option String",
            "exposed endpoints",
            "constraints");
  }

  @Test
  void exportIsDeterministic() {
    qt().withExamples(50)
        .forAll(new ModelSpecGenerator())
        .checkAssert(
            spec ->
                assertThat(BundleWriter.write(spec))
                    .isEqualTo(BundleWriter.write(spec.toBuilder().buildUnvalidated())));
  }
}
