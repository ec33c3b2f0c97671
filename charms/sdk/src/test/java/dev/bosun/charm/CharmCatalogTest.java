package dev.bosun.charm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bosun.charm.event.ConfigChanged;
import dev.bosun.charm.event.Start;
import dev.bosun.charm.fake.FakeBackend;
import dev.bosun.charm.fixtures.EchoCharm;
import dev.bosun.charm.fixtures.WebCharm;
import dev.bosun.charm.spi.HookOutcome;
import dev.bosun.model.charm.CharmMeta;
import dev.bosun.model.charm.CharmMetaException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CharmCatalogTest {
  private static final ClassLoader LOADER = CharmCatalogTest.class.getClassLoader();

  @TempDir Path temp;

  @Test
  void discoversEveryBuiltInCharmListedInTheClasspathIndexes() {
    CharmCatalog catalog = CharmCatalog.discover(LOADER);

    assertThat(catalog.names()).containsExactly("echo", "web");
    CharmDefinition echo = catalog.get("echo");
    assertThat(echo.files().describe()).isEqualTo("classpath:fixtures/charms/echo");
    assertThat(echo.meta().config().defaults()).containsEntry("greeting", "hello");
    assertThat(echo.meta().actions()).containsKey("greet");
    assertThat(echo.factory().get()).isInstanceOf(EchoCharm.class);
    assertThat(catalog.get("web").factory().get()).isInstanceOf(WebCharm.class);
  }

  @Test
  void discoveredCharmsRunHooksWithTheirTemplatesAndConfig() {
    CharmCatalog catalog = CharmCatalog.discover(LOADER);

    HookOutcome echo = FakeBackend.builder(catalog.get("echo"), new Start()).run();
    HookOutcome web = FakeBackend.builder(catalog.get("web"), new ConfigChanged()).run();

    assertThat(echo.changes().unitStatus()).isEqualTo(Status.active("hi from echo/0"));
    assertThat(web.changes().unitStatus()).isEqualTo(Status.active("serving on 8080"));
  }

  @Test
  void readsIndexesFromEveryJarAndLoadsALocationListedTwiceOnce() throws IOException {
    Path extra = temp.resolve("extra");
    write(extra.resolve("META-INF/bosun/charms"), "fixtures/charms/web\nmore/charms/solo\n");
    write(
        extra.resolve("more/charms/solo/metadata.yaml"),
        "name: solo\nsummary: s\ndescription: d\n");
    write(
        extra.resolve("more/charms/solo/bosun.yaml"), "class: dev.bosun.charm.fixtures.WebCharm\n");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {extra.toUri().toURL()}, LOADER)) {

      CharmCatalog catalog = CharmCatalog.discover(loader);

      assertThat(catalog.names()).containsExactly("echo", "solo", "web");
    }
  }

  @Test
  void findsCharmsByReferenceAndSaysWhichExistWhenOneIsMissing() {
    CharmCatalog catalog = CharmCatalog.discover(LOADER);

    assertThat(catalog.find("ch:echo")).containsSame(catalog.get("echo"));
    assertThat(catalog.repository().find("cs:~me/web-3").map(CharmMeta::name)).contains("web");
    assertThatThrownBy(() -> catalog.get("etcd"))
        .isInstanceOf(CharmNotFoundException.class)
        .hasMessage("charm \"etcd\" not found; known charms: echo, web");
    assertThatThrownBy(() -> CharmCatalog.empty().get("etcd"))
        .hasMessage(
            "charm \"etcd\" not found; no charms are known: add charm directories, or put charm"
                + " jars on the classpath");
  }

  @Test
  void refusesTwoCharmsOfOneNameUnlessReplaced() {
    CharmDefinition echo = CharmDefinition.fromClasspath("fixtures/charms/echo", LOADER);
    CharmDefinition other =
        new CharmDefinition(echo.meta(), EchoCharm::new, CharmFiles.of("in-memory echo", Map.of()));

    assertThatThrownBy(() -> CharmCatalog.builder().add(echo).add(other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "two charms are named \"echo\": classpath:fixtures/charms/echo and in-memory echo;"
                + " rename one, or use replace() to override the first");
    assertThat(CharmCatalog.builder().add(echo).replace(other).build().get("echo")).isSameAs(other);
  }

  @Test
  void theCatalogIsImmutable() {
    CharmCatalog.Builder builder = CharmCatalog.builder().discover(LOADER);
    CharmCatalog first = builder.build();
    builder.add(
        new CharmDefinition(
            CharmMeta.builder("extra").build(), EchoCharm::new, CharmFiles.of("x", Map.of())));

    assertThat(builder.build().names()).containsExactly("echo", "extra", "web");
    assertThat(first.names()).containsExactly("echo", "web");
    assertThatThrownBy(() -> first.names().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void explainsWhatToDoWhenTheCharmClassCannotServe() {
    assertThatThrownBy(() -> CharmDefinition.fromClasspath("fixtures/broken/missing-class", LOADER))
        .isInstanceOf(CharmLoadException.class)
        .hasMessageStartingWith(
            "charm \"missing-class\" (classpath:fixtures/broken/missing-class): class"
                + " dev.bosun.charm.fixtures.DoesNotExist named in bosun.yaml cannot be loaded")
        .hasMessageEndingWith(
            "check the name, and that the charm's classes are on the classpath or in its lib/"
                + " jars");
    assertThatThrownBy(() -> CharmDefinition.fromClasspath("fixtures/broken/not-a-charm", LOADER))
        .hasMessage(
            "charm \"not-a-charm\" (classpath:fixtures/broken/not-a-charm): class"
                + " dev.bosun.charm.fixtures.NotACharm is not a dev.bosun.charm.Charm; implement"
                + " Charm, or extend HandlerCharm or implement ReconcilerCharm");
    assertThatThrownBy(
            () -> CharmDefinition.fromClasspath("fixtures/broken/no-constructor", LOADER))
        .hasMessage(
            "charm \"no-constructor\" (classpath:fixtures/broken/no-constructor): class"
                + " dev.bosun.charm.fixtures.NoConstructorCharm has no public no-argument"
                + " constructor; add one (Bosun makes a fresh instance for every hook)");
    assertThatThrownBy(() -> CharmDefinition.fromClasspath("fixtures/broken/abstract", LOADER))
        .hasMessage(
            "charm \"abstract\" (classpath:fixtures/broken/abstract): class"
                + " dev.bosun.charm.fixtures.AbstractFixtureCharm is abstract; name a concrete"
                + " class in bosun.yaml");
  }

  @Test
  void explainsMissingAndInvalidFiles() {
    assertThatThrownBy(() -> CharmDefinition.fromClasspath("fixtures/nothing-here", LOADER))
        .isInstanceOf(CharmLoadException.class)
        .hasMessage(
            "no charm at classpath:fixtures/nothing-here: metadata.yaml not found; put the charm's"
                + " files under fixtures/nothing-here/ in a jar or resource directory on the"
                + " classpath");
    assertThatThrownBy(() -> CharmDefinition.fromClasspath("fixtures/broken/no-descriptor", LOADER))
        .hasMessage(
            "charm \"no-descriptor\" (classpath:fixtures/broken/no-descriptor) has no bosun.yaml;"
                + " add one that names the charm's class, for example \"class:"
                + " com.example.MyCharm\"");
    assertThatThrownBy(
            () -> CharmDefinition.fromClasspath("fixtures/broken/bad-descriptor", LOADER))
        .hasMessage(
            "charm \"bad-descriptor\" has an invalid bosun.yaml:\n"
                + "classpath:fixtures/broken/bad-descriptor/bosun.yaml:1:8: \"class\" must be a"
                + " fully qualified Java class name, such as com.example.MyCharm");
    assertThatThrownBy(() -> CharmDefinition.fromClasspath("fixtures/broken/unknown-key", LOADER))
        .hasMessage(
            "charm \"unknown-key\" has an invalid bosun.yaml:\n"
                + "classpath:fixtures/broken/unknown-key/bosun.yaml:2:1: unknown key \"clas\"; the"
                + " only key is \"class\"");
    assertThatThrownBy(() -> CharmDefinition.fromClasspath("fixtures/broken/bad-metadata", LOADER))
        .isInstanceOf(CharmMetaException.class)
        .hasMessageContaining("classpath:fixtures/broken/bad-metadata/metadata.yaml");
  }

  @Test
  void discoveryNamesEveryCharmThatFailsAndAddsNothing() throws IOException {
    Path extra = temp.resolve("broken-index");
    write(
        extra.resolve("META-INF/bosun/charms"),
        "fixtures/broken/not-a-charm\nfixtures/broken/abstract\n");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {extra.toUri().toURL()}, LOADER)) {
      CharmCatalog.Builder builder = CharmCatalog.builder();

      assertThatThrownBy(() -> builder.discover(loader))
          .isInstanceOf(CharmLoadException.class)
          .hasMessageStartingWith("2 built-in charms cannot be loaded:\n")
          .hasMessageContaining("NotACharm is not a dev.bosun.charm.Charm")
          .hasMessageContaining("AbstractFixtureCharm is abstract");
      assertThat(builder.build().size()).isZero();
    }
  }

  @Test
  void loadsADirectoryCharmWhoseClassIsOnTheClasspath() throws IOException {
    Path charm = temp.resolve("echo");
    copyFixture("fixtures/charms/echo", charm, "metadata.yaml", "config.yaml", "bosun.yaml");
    write(charm.resolve("templates/motd.txt"), "{{ greeting }}, {{ unit }}, from a directory\n");

    CharmCatalog catalog = CharmCatalog.builder().addDirectory(charm).build();
    HookOutcome outcome = FakeBackend.builder(catalog.get("echo"), new Start()).run();

    assertThat(catalog.get("echo").files().describe()).isEqualTo(charm.toString());
    assertThat(outcome.changes().unitStatus())
        .isEqualTo(Status.active("hi, echo/0, from a directory"));
  }

  @Test
  void loadsADirectoryCharmFromTheJarsInItsLibWithItsOwnClassLoader() throws Exception {
    Path charm = temp.resolve("libcharm");
    write(charm.resolve("metadata.yaml"), "name: libcharm\nsummary: s\ndescription: d\n");
    write(charm.resolve("bosun.yaml"), "class: lib.charm.LibCharm\n");
    compileJar(
        charm.resolve("lib/libcharm.jar"),
        "lib.charm.LibCharm",
        "package lib.charm;\n"
            + "public final class LibCharm implements dev.bosun.charm.Charm {\n"
            + "  public void handle(dev.bosun.charm.HookContext ctx) {\n"
            + "    ctx.state().set(\"loaded-by\", getClass().getClassLoader().getName());\n"
            + "  }\n"
            + "}\n");

    CharmDefinition definition = CharmDefinition.fromDirectory(charm);
    HookOutcome outcome = FakeBackend.builder(definition, new Start()).run();

    assertThat(outcome.changes().unitState()).containsEntry("loaded-by", "charm-libcharm");
    assertThatThrownBy(() -> Class.forName("lib.charm.LibCharm", false, LOADER))
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void addsEveryCharmDirectoryUnderADirectoryAndSkipsOthers() throws IOException {
    Path charms = temp.resolve("charms");
    copyFixture("fixtures/charms/echo", charms.resolve("echo"), "metadata.yaml", "bosun.yaml");
    copyFixture("fixtures/charms/web", charms.resolve("web"), "metadata.yaml", "bosun.yaml");
    Files.createDirectories(charms.resolve("notes"));
    write(charms.resolve("README.md"), "not a charm");

    CharmCatalog catalog = CharmCatalog.builder().addDirectories(charms, LOADER).build();
    CharmCatalog single =
        CharmCatalog.builder().addDirectories(charms.resolve("web"), LOADER).build();

    assertThat(catalog.names()).containsExactly("echo", "web");
    assertThat(single.names()).containsExactly("web");
  }

  @Test
  void addingCharmDirectoriesNamesEveryCharmThatFails() throws IOException {
    Path charms = temp.resolve("charms");
    copyFixture("fixtures/broken/not-a-charm", charms.resolve("a"), "metadata.yaml", "bosun.yaml");
    copyFixture("fixtures/broken/no-descriptor", charms.resolve("b"), "metadata.yaml");
    CharmCatalog.Builder builder = CharmCatalog.builder();

    assertThatThrownBy(() -> builder.addDirectories(charms, LOADER))
        .isInstanceOf(CharmLoadException.class)
        .hasMessageStartingWith("2 charms cannot be loaded:\n")
        .hasMessageContaining("NotACharm is not a dev.bosun.charm.Charm")
        .hasMessageContaining("has no bosun.yaml");
    assertThat(builder.build().size()).isZero();
  }

  @Test
  void aMissingDirectoryIsAClearError() {
    Path missing = temp.resolve("nope");

    assertThatThrownBy(() -> CharmDefinition.fromDirectory(missing))
        .isInstanceOf(CharmLoadException.class)
        .hasMessage("charm directory " + missing + " does not exist or is not a directory");
  }

  @Test
  void charmFilesStayInsideTheCharm() throws IOException {
    Path charm = temp.resolve("files");
    write(charm.resolve("templates/a.txt"), "a");
    write(temp.resolve("secret.txt"), "secret");
    CharmFiles directory = CharmFiles.directory(charm);
    CharmFiles classpath = CharmFiles.classpath("/fixtures/charms/echo/", LOADER);

    assertThat(directory.readText("templates/a.txt")).contains("a");
    assertThat(directory.readText("../secret.txt")).isEmpty();
    assertThat(directory.readText("/etc/passwd")).isEmpty();
    assertThat(directory.readText("templates/missing.txt")).isEmpty();
    assertThat(classpath.describe()).isEqualTo("classpath:fixtures/charms/echo");
    assertThat(classpath.readText("templates/motd.txt"))
        .contains("{{ greeting }} from {{ unit }}\n");
    assertThat(classpath.readText("../web/bosun.yaml")).isEmpty();
    assertThatThrownBy(() -> CharmFiles.classpath("fixtures/../fixtures/charms/echo", LOADER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "\"fixtures/../fixtures/charms/echo\" is not a classpath location such as charms/etcd");
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static void copyFixture(String location, Path target, String... names)
      throws IOException {
    for (String name : names) {
      String text =
          new String(
              LOADER.getResourceAsStream(location + "/" + name).readAllBytes(),
              StandardCharsets.UTF_8);
      write(target.resolve(name), text);
    }
  }

  private void compileJar(Path jar, String className, String source) throws IOException {
    Path sources = temp.resolve("src");
    Path classes = temp.resolve("classes");
    Path file = sources.resolve(className.replace('.', '/') + ".java");
    write(file, source);
    Files.createDirectories(classes);
    String classpath =
        Stream.of(Charm.class, org.slf4j.Logger.class, CharmMeta.class)
            .map(c -> c.getProtectionDomain().getCodeSource().getLocation())
            .map(url -> Path.of(java.net.URI.create(url.toString())).toString())
            .collect(Collectors.joining(java.io.File.pathSeparator));
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    int exit =
        compiler.run(null, null, null, "-d", classes.toString(), "-cp", classpath, file.toString());
    assertThat(exit).as("javac exit status").isZero();
    Files.createDirectories(jar.getParent());
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream jarOut = new JarOutputStream(out)) {
      List<Path> compiled;
      try (Stream<Path> walk = Files.walk(classes)) {
        compiled = walk.filter(Files::isRegularFile).collect(Collectors.toList());
      }
      for (Path classFile : compiled) {
        jarOut.putNextEntry(
            new JarEntry(classes.relativize(classFile).toString().replace('\\', '/')));
        jarOut.write(Files.readAllBytes(classFile));
        jarOut.closeEntry();
      }
    }
  }
}
